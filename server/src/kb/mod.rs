//! The knowledge base's JSON door (法律问答): search and entries, public.

pub mod api;
