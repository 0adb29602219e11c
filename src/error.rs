//! The one error type of the crate.

use thiserror::Error;

/// What went wrong in a strict parser or in building an [`Extractor`](crate::Extractor).
///
/// Extraction itself never fails: odd text yields fewer records. Errors come only from the
/// strict entry points ([`parse_numeral`](crate::parse_numeral)) and from bad configuration.
/// Positions are counted in characters (Unicode scalar values) of the input as given.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[non_exhaustive]
pub enum Error {
    /// The input was empty or held only white space.
    #[error("empty input: a numeral needs at least one character")]
    EmptyInput,
    /// A character that cannot be part of a numeral.
    #[error("{character:?} at character {position} of {input:?} is not part of a numeral")]
    UnexpectedCharacter {
        /// The whole input.
        input: String,
        /// The offending character.
        character: char,
        /// Its position, in characters from the start of the input.
        position: usize,
    },
    /// A magnitude word that cannot follow what came before it, as in `一百千`.
    #[error("magnitude {magnitude:?} at character {position} of {input:?} is out of order")]
    MisorderedMagnitude {
        /// The whole input.
        input: String,
        /// The magnitude character that is out of place.
        magnitude: char,
        /// Its position, in characters from the start of the input.
        position: usize,
    },
    /// The input is a numeral but its shape is wrong (a dangling 点, 分之 with nothing after it …).
    #[error("{input:?} is not a well-formed numeral: {reason}")]
    Malformed {
        /// The whole input.
        input: String,
        /// What is wrong with it, in English.
        reason: String,
    },
    /// The value does not fit the exact integer range (|n| < 2^63) of the engine.
    #[error("{input:?} is too large: integers are exact only below 2^63")]
    Overflow {
        /// The whole input.
        input: String,
    },
    /// A value cannot be written as a Chinese numeral (NaN, infinity, too large).
    #[error("{value} cannot be written as a Chinese numeral: {reason}")]
    Unrepresentable {
        /// The value, as text.
        value: String,
        /// Why not.
        reason: String,
    },
    /// An option given to the extractor is not valid.
    #[error("invalid option {option}: {reason}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// Why the value was refused.
        reason: String,
    },
    /// A record kind that does not exist.
    #[error("unknown record kind {0:?}: expected one of quantity, date, title, number")]
    UnknownKind(String),
}

/// Shorthand for results of this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
