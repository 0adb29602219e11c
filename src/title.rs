//! title extraction (being written).

use crate::extract::Options;
use crate::normalize::TextView;
use crate::record::Record;

/// Appends the title records found in `view` to `out`.
pub(crate) fn find(_view: &TextView<'_>, _options: &Options, _out: &mut Vec<Record>) {}
