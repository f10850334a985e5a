//! A plan's docs handed to the engine a part at a time, for a report's check
//! ([`crate::core::engine::Parts`]): each part a few megabytes of text, cut by the files' sizes
//! before anything is read, so a report over a doc set of any size holds one part's texts at once.

use crate::core::engine::{Doc, Parts};
use crate::io::scope::{Plan, ReadError, Reader};
use rayon::prelude::*;
use std::ops::Range;

/// Text per part. A part is checked on every core at once; the larger it is, the less a core waits
/// at a part's end for the other's last long doc, and the more text is held.
pub const PART_BYTES: u64 = 8 << 20;
/// Docs per part at most (many tiny docs still come in parts).
const PART_DOCS: usize = 4096;

/// A plan's docs (and context docs) in parts.
pub struct InParts<'a> {
    /// The docs read so far (without their text) and where each is written.
    pub reader: Reader<'a>,
    parts: Vec<Range<usize>>,
    context_parts: Vec<Range<usize>>,
    /// Per part read, the range of the reader's kept docs its first reading gave.
    kept: Vec<Range<usize>>,
    /// Per part of the context docs read, the context docs its first reading gave.
    context_kept: Vec<Vec<usize>>,
    /// What the readings had to say (files skipped, and why).
    pub notices: Vec<String>,
    /// The first doc that could not be read at all: the check goes on without the docs after it and
    /// the command stops with this error.
    pub error: Option<ReadError>,
    /// The planned docs' size in bytes (for the progress display).
    pub bytes: u64,
}

impl<'a> InParts<'a> {
    /// Cuts `plan` into parts of about `part_bytes` by its files' sizes (nothing is read yet).
    pub fn new(plan: &'a Plan, part_bytes: u64) -> InParts<'a> {
        let sizes: Vec<u64> = plan
            .docs
            .par_iter()
            .map(|d| match &d.content {
                Some(text) => text.len() as u64,
                None => size(&d.abs),
            })
            .collect();
        let context_sizes: Vec<u64> = plan.context.par_iter().map(|(abs, _)| size(abs)).collect();
        InParts {
            reader: Reader::new(plan),
            parts: cut(&sizes, part_bytes),
            context_parts: cut(&context_sizes, part_bytes),
            kept: Vec::new(),
            context_kept: Vec::new(),
            notices: Vec::new(),
            error: None,
            bytes: sizes.iter().sum(),
        }
    }

    /// The notices of the reading so far, the docs a program writes among them.
    pub fn take_notices(&mut self) -> Vec<String> {
        let mut notices = std::mem::take(&mut self.notices);
        notices.extend(self.reader.generated_notice());
        notices
    }

    fn plan(&self) -> &'a Plan {
        self.reader.plan
    }
}

/// A file's size, 0 when it cannot be known (it is read, or found unreadable, later).
fn size(path: &std::path::Path) -> u64 {
    std::fs::metadata(path).map_or(0, |m| m.len())
}

/// Consecutive ranges of `sizes`, each up to `part_bytes` and [`PART_DOCS`] (a larger file is a
/// part of its own).
fn cut(sizes: &[u64], part_bytes: u64) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let (mut start, mut bytes) = (0, 0);
    for (i, &s) in sizes.iter().enumerate() {
        if i > start && (bytes + s > part_bytes || i - start == PART_DOCS) {
            parts.push(start..i);
            (start, bytes) = (i, 0);
        }
        bytes += s;
    }
    if start < sizes.len() {
        parts.push(start..sizes.len());
    }
    parts
}

impl Parts for InParts<'_> {
    fn count(&self) -> (usize, usize) {
        (self.parts.len(), self.context_parts.len())
    }

    fn first(&mut self, n: usize, context: bool) -> Vec<Doc> {
        if context {
            let plan = self.plan();
            let range = self.context_parts[n].clone();
            let read: Vec<(usize, Doc)> = range
                .into_par_iter()
                .filter_map(|i| Some((i, plan.context_doc(i)?)))
                .collect();
            let (kept, docs) = read.into_iter().unzip();
            self.context_kept.push(kept);
            return docs;
        }
        let before = self.reader.inputs.planned.len();
        let docs = if self.error.is_some() {
            Vec::new()
        } else {
            match self.reader.read(self.parts[n].clone(), &mut self.notices) {
                Ok(docs) => docs,
                Err(e) => {
                    self.error = Some(e);
                    Vec::new()
                }
            }
        };
        self.kept.push(before..self.reader.inputs.planned.len());
        docs
    }

    fn again(&mut self, n: usize, context: bool) -> Vec<Option<Doc>> {
        if context {
            let plan = self.plan();
            return self.context_kept[n]
                .par_iter()
                .map(|&i| plan.context_doc(i))
                .collect();
        }
        let reader = &self.reader;
        self.kept[n]
            .clone()
            .into_par_iter()
            .map(|k| reader.again(k))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_cut_by_size_and_a_large_file_is_a_part_of_its_own() {
        let mb = 1 << 20;
        let limit = 16 * mb;
        assert_eq!(cut(&[], limit), Vec::<Range<usize>>::new());
        assert_eq!(cut(&[mb, mb, mb], limit), vec![0..3]);
        assert_eq!(
            cut(&[10 * mb, 10 * mb, 40 * mb, mb], limit),
            vec![0..1, 1..2, 2..3, 3..4]
        );
        assert_eq!(cut(&[8 * mb, 8 * mb, 8 * mb], limit), vec![0..2, 2..3]);
        assert_eq!(cut(&[5, 5, 5], 1), vec![0..1, 1..2, 2..3]);
        let many = vec![10; PART_DOCS + 1];
        assert_eq!(
            cut(&many, PART_BYTES),
            vec![0..PART_DOCS, PART_DOCS..PART_DOCS + 1]
        );
    }
}
