//! The imperative shell's side effects: git (`repo`) and the file system (`files`). Nothing else in the
//! crate reads or writes files.

pub mod cache;
pub mod files;
pub mod journal;
pub mod repo;
pub mod vocabulary;
