//! Form building blocks shared by every feature.

pub mod field;
