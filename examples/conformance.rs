//! Conformance report against the peers' published test suites (being written).

fn main() {}
