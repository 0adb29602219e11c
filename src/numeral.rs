//! The numeral engine (being written).
