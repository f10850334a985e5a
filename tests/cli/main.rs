//! End-to-end tests: the real `docreview` binary against real temporary git repositories, isolated from
//! the user's git configuration (HOME points into the temporary folder, system config is off). One file
//! per command; what they share is in `util`.

mod apply;
mod baseline;
mod check;
mod faults;
mod guidelines;
mod help;
mod lsp;
mod review;
mod rules;
mod suggestions;
mod util;
mod vale;
mod vocab;
