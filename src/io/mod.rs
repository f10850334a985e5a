//! The imperative shell's side effects: git (`repo`), the file system (`files`: guarded reads and
//! writes; `scope`: which docs a command reads), the cache, the journal and the vocabulary file.

pub mod baseline;
pub mod cache;
pub mod editor;
pub mod files;
pub mod guidelines;
pub mod journal;
pub mod parts;
pub mod remembered;
pub mod repo;
pub mod scope;
pub mod skips;
pub mod vale;
pub mod vendored;
pub mod vocabulary;
