//! `docreview apply`: writes fixes to disk in one go. By default only fixes marked safe (mechanical,
//! such as a canonical name or a doubled word); `--all-fixes` adds the first suggestion of every other
//! finding. Overlapping fixes in one file: the first by position wins, the rest are reported. Every file
//! is written with the guarded atomic write, and a file that cannot be written does not stop the others.

use crate::cli::ApplyArgs;
use crate::core::edit::{self, Edit, Skip};
use crate::core::finding::{Finding, Safety};
use crate::core::journal::{Decision, Entry, reanchor};
use crate::io::files::{self, WriteError};
use crate::io::journal::Journal;
use crate::io::repo::Repo;
use crate::report::{self, per_rule, plural};
use crate::session::{EXIT_CLEAN, EXIT_ERROR, Env, Error, Session};
use std::collections::{BTreeMap, HashMap};
use std::io::Write;
use std::path::PathBuf;

/// What apply decided for one file.
struct FilePlan<'a> {
    doc: usize,
    applied: Vec<&'a Finding>,
    overlapping: Vec<(&'a Finding, &'a Finding)>,
    new_text: String,
}

/// Says, once, that this run waits for another writer.
pub(crate) fn tell_waiting(env: &Env, err: &mut dyn Write) {
    let _ = writeln!(
        err,
        "Another docreview is writing fixes here; waiting up to {} s for it to finish…",
        env.lock_wait.as_secs()
    );
}

/// Takes the right to write fixes beside `journal` (see [`Journal::lock`]), waiting as `env` says.
pub(crate) fn lock(
    journal: &Journal,
    env: &Env,
    err: &mut dyn Write,
) -> Result<crate::io::journal::WriteLock, Error> {
    Ok(journal.lock(env.lock_wait, || tell_waiting(env, err))?)
}

/// [`lock`] for the repository (or folder) of `env.cwd`, then the leftovers of a killed run beside
/// `files` (the docs about to be written) removed.
pub(crate) fn write_lock<'a>(
    env: &Env,
    err: &mut dyn Write,
    files: impl IntoIterator<Item = &'a std::path::Path>,
) -> Result<crate::io::journal::WriteLock, Error> {
    let repo = Repo::discover(&env.cwd)?;
    let journal = Journal::locate(
        repo.as_ref().map(Repo::git_dir),
        &env.cwd,
        env.cache_dir.as_deref(),
    );
    let taken = lock(&journal, env, err)?;
    files::clean_leftovers(files, taken.since);
    Ok(taken)
}

/// Groups the chosen findings by document and splices them.
fn plan<'a>(session: &Session, chosen: &[&'a Finding]) -> Vec<FilePlan<'a>> {
    let mut by_path: std::collections::HashMap<&str, Vec<&'a Finding>> =
        std::collections::HashMap::new();
    for f in chosen {
        by_path.entry(f.path.as_str()).or_default().push(f);
    }
    let mut plans = Vec::new();
    for (i, doc) in session.inputs.docs.iter().enumerate() {
        let Some(mine) = by_path.remove(doc.path.as_str()) else {
            continue;
        };
        let edits: Vec<Edit> = mine.iter().filter_map(|f| f.fix(0)).collect();
        let result = edit::apply(&doc.text, &edits);
        let overlapping = result
            .skipped
            .iter()
            .filter_map(|(k, why)| match why {
                Skip::Overlaps(j) => Some((mine[*k], mine[*j])),
                Skip::OutOfBounds => None,
            })
            .collect();
        plans.push(FilePlan {
            doc: i,
            applied: result.applied.iter().map(|&k| mine[k]).collect(),
            overlapping,
            new_text: result.text,
        });
    }
    plans
}

fn rule_counts<'a>(findings: impl IntoIterator<Item = &'a Finding>) -> String {
    per_rule(findings)
        .into_iter()
        .map(|(r, n)| format!("{r} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Why a batch write was refused, after the file's path.
pub fn not_written(e: &WriteError) -> String {
    match e {
        WriteError::Changed(_) => {
            "changed on disk since it was read; not overwritten (run apply again)".to_owned()
        }
        WriteError::ReadOnly(_) => "read-only; not written".to_owned(),
        WriteError::Io { source, .. } => format!("not written: {source}"),
    }
}

pub fn run(
    args: &ApplyArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    if args.accepted {
        return apply_accepted(args, env, out, err);
    }
    if let Some(json) = &args.suggestions {
        return super::suggestions::apply(json, args.dry_run, env, out, err);
    }
    let mut session = Session::open(&args.scope, env, err, false)?;
    let findings = session.findings(!args.scope.quiet && env.stderr_tty);
    let chosen: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.is_fixable() && (args.all_fixes || f.safety == Safety::Safe))
        .collect();
    let left: Vec<&Finding> = findings
        .iter()
        .filter(|f| !chosen.iter().any(|c| std::ptr::eq(*c, *f)))
        .collect();
    let plans = plan(&session, &chosen);
    // One writer at a time; what a killed writer left behind goes first.
    let _lock = if args.dry_run || plans.iter().all(|p| p.applied.is_empty()) {
        None
    } else {
        let writing = plans.iter().filter(|p| !p.applied.is_empty());
        Some(write_lock(
            env,
            err,
            writing.map(|p| session.inputs.reals[p.doc].as_path()),
        )?)
    };

    // The report goes to stdout, unless stdout carries the diff.
    let mut report_to: Vec<u8> = Vec::new();
    let mut failed = Vec::new();
    let mut written = Vec::new();
    for p in &plans {
        let doc = &session.inputs.docs[p.doc];
        if p.applied.is_empty() {
            continue;
        }
        if args.dry_run {
            report::diff::write(
                out,
                &session.inputs.diff_paths[p.doc],
                &doc.text,
                &p.new_text,
            )?;
            written.push(p);
            continue;
        }
        match files::write_guarded(
            &session.inputs.reals[p.doc],
            doc.text.as_bytes(),
            p.new_text.as_bytes(),
        ) {
            Ok(()) => written.push(p),
            Err(e) => failed.push((doc.path.clone(), e)),
        }
    }

    let style_color = env.color(
        args.color,
        if args.dry_run {
            env.stderr_tty
        } else {
            env.stdout_tty
        },
    );
    let bold = |s: &str| {
        if style_color {
            format!("\x1b[1m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    };
    let r = &mut report_to;
    let fixed: Vec<&Finding> = written
        .iter()
        .flat_map(|p| p.applied.iter().copied())
        .collect();
    let verb = if args.dry_run { "Would fix" } else { "Fixed" };
    if fixed.is_empty() {
        writeln!(r, "{}", bold("Nothing to fix."))?;
    } else {
        writeln!(
            r,
            "{} in {} ({}).",
            bold(&format!(
                "{verb} {}",
                plural(fixed.len(), "finding", "findings")
            )),
            plural(written.len(), "file", "files"),
            rule_counts(fixed.iter().copied())
        )?;
        for p in &written {
            writeln!(
                r,
                "  {}: {}",
                session.inputs.docs[p.doc].path,
                plural(p.applied.len(), "fix", "fixes")
            )?;
        }
    }
    let overlapping: Vec<_> = plans.iter().flat_map(|p| p.overlapping.iter()).collect();
    if !overlapping.is_empty() {
        writeln!(
            r,
            "Skipped {} (the first by position was applied):",
            plural(overlapping.len(), "overlapping fix", "overlapping fixes")
        )?;
        for (f, winner) in overlapping {
            writeln!(
                r,
                "  {}:{}:{} {} overlaps {} at {}:{}",
                f.path, f.line, f.column, f.rule, winner.rule, winner.line, winner.column
            )?;
        }
    }
    if !left.is_empty() {
        let review = left.iter().filter(|f| f.is_fixable()).count();
        let hint = if review > 0 && !args.all_fixes {
            " `docreview apply --all-fixes` applies their first suggestions; `docreview check` shows them."
        } else {
            " `docreview check` shows them."
        };
        writeln!(
            r,
            "Left {} ({}).{hint}",
            plural(
                left.len(),
                "finding that needs a human",
                "findings that need a human"
            ),
            rule_counts(left.iter().copied())
        )?;
    }
    for (path, e) in &failed {
        writeln!(r, "error: {path}: {}", not_written(e))?;
    }
    if args.dry_run {
        err.write_all(&report_to)?;
    } else {
        out.write_all(&report_to)?;
    }
    out.flush()?;
    Ok(if failed.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}

/// The accepts of the last deferred review session that are not written yet, oldest first.
pub fn pending_accepts(entries: &[Entry]) -> Vec<Entry> {
    let Some(session) = entries
        .iter()
        .rev()
        .find(|e| e.decision == Decision::Accept && !e.written)
        .map(|e| e.session.clone())
    else {
        return Vec::new();
    };
    // The last word on each finding decides (an undo or a write ends an accept). A finding is its
    // file and its fingerprint: the same sentence in two files is two findings.
    let key = |e: &Entry| {
        let file = if e.file.is_empty() { &e.path } else { &e.file };
        (file.clone(), e.fingerprint.clone())
    };
    let mut last: HashMap<(String, String), &Entry> = HashMap::new();
    for e in entries {
        match e.decision {
            Decision::Undo => {
                last.remove(&key(e));
            }
            _ => {
                last.insert(key(e), e);
            }
        }
    }
    entries
        .iter()
        .filter(|e| e.session == session && e.decision == Decision::Accept && !e.written)
        .filter(|e| last.get(&key(e)).is_some_and(|l| std::ptr::eq(*l, *e)))
        .cloned()
        .collect()
}

/// Where an accepted fix whose text is gone already stands in `text`: its replacement, with the
/// context it was accepted in around it.
fn already_written(text: &str, e: &Entry) -> Option<std::ops::Range<usize>> {
    let after = e.after.as_deref().filter(|a| !a.is_empty())?;
    reanchor(text, after, &e.context_before, &e.context_after, e.start)
}

/// The journal's record that an accepted fix is written, at `r`.
fn written_entry(mut e: Entry, r: std::ops::Range<usize>) -> Entry {
    e.decision = Decision::Written;
    e.written = true;
    e.start = r.start;
    e.end = r.end;
    e
}

/// `docreview apply --accepted`: writes the fixes accepted in the last `review --defer` session.
fn apply_accepted(
    args: &ApplyArgs,
    env: &Env,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Error> {
    let repo = Repo::discover(&env.cwd)?;
    let journal = Journal::locate(
        repo.as_ref().map(Repo::git_dir),
        &env.cwd,
        env.cache_dir.as_deref(),
    );
    // Taken before the journal is read, so two runs never write the same accepted fixes.
    let taken = if args.dry_run {
        None
    } else {
        Some(lock(&journal, env, err)?)
    };
    let (entries, damaged) = journal.read_counting().map_err(|source| Error::Io {
        path: journal.path().display().to_string(),
        source,
    })?;
    if let Some(notice) = journal.damage_notice(damaged) {
        writeln!(err, "{notice}")?;
    }
    let pending = pending_accepts(&entries);
    if pending.is_empty() {
        writeln!(
            out,
            "No accepted fixes wait to be written (the journal is {}).",
            journal.path().display()
        )?;
        return Ok(EXIT_CLEAN);
    }
    let mut by_file: BTreeMap<PathBuf, Vec<Entry>> = BTreeMap::new();
    for e in pending {
        let file = if e.file.is_empty() {
            env.cwd.join(&e.path)
        } else {
            PathBuf::from(&e.file)
        };
        by_file.entry(file).or_default().push(e);
    }
    if let Some(taken) = &taken {
        files::clean_leftovers(by_file.keys().map(PathBuf::as_path), taken.since);
    }
    let mut written = Vec::new();
    let mut journal_error = None;
    let mut outdated = Vec::new();
    let mut failed = Vec::new();
    let mut fixes = 0;
    for (file, list) in by_file {
        let shown = list.first().map(|e| e.path.clone()).unwrap_or_default();
        let text = match files::read(&file, repo.as_ref().map(Repo::root)) {
            Ok(Ok(l)) => l.text,
            Ok(Err(skip)) => {
                failed.push(format!("{shown}: {skip}"));
                continue;
            }
            Err(e) => {
                failed.push(format!("{shown}: {e}"));
                continue;
            }
        };
        let mut edits = Vec::new();
        let mut placed = Vec::new();
        let mut already = Vec::new();
        for e in &list {
            let exact = text.get(e.start..e.end) == Some(e.before.as_str());
            let span = if exact {
                Some(e.start..e.end)
            } else {
                reanchor(
                    &text,
                    &e.before,
                    &e.context_before,
                    &e.context_after,
                    e.start,
                )
            };
            match span {
                Some(r) => {
                    edits.push(Edit {
                        range: r.clone(),
                        replacement: e.after.clone().unwrap_or_default(),
                    });
                    placed.push((e.clone(), r));
                }
                None => match already_written(&text, e) {
                    // A run killed between writing the file and recording it, or the same fix made
                    // by hand: recorded now, so no later run reports it again.
                    Some(r) => already.push(written_entry(e.clone(), r)),
                    None => outdated.push(format!(
                        "{shown}: \"{}\" ({}) is no longer there",
                        e.before, e.rule
                    )),
                },
            }
        }
        let result = edit::apply(&text, &edits);
        for (k, _) in &result.skipped {
            outdated.push(format!(
                "{shown}: \"{}\" overlaps another accepted fix",
                placed[*k].0.before
            ));
        }
        if !args.dry_run && journal_error.is_none() && !already.is_empty() {
            journal_error = journal.append(&already).err();
        }
        if result.applied.is_empty() {
            continue;
        }
        if args.dry_run {
            let rel = list.first().map(|e| e.path.clone()).unwrap_or_default();
            report::diff::write(out, &rel, &text, &result.text)?;
        } else if let Err(e) = files::write_guarded(&file, text.as_bytes(), result.text.as_bytes())
        {
            failed.push(format!("{shown}: {e}"));
            continue;
        }
        fixes += result.applied.len();
        written.push(shown);
        let done: Vec<Entry> = result
            .applied
            .iter()
            .map(|&k| {
                let (e, r) = placed[k].clone();
                written_entry(e, r)
            })
            .collect();
        // Recorded file by file, as each is written: a run killed midway leaves a journal that
        // knows every file it wrote but the last (whose accepted text is then no longer there).
        if !args.dry_run
            && journal_error.is_none()
            && let Err(e) = journal.append(&done)
        {
            journal_error = Some(e);
        }
    }
    let report_to: &mut dyn Write = if args.dry_run { err } else { out };
    let verb = if args.dry_run { "Would write" } else { "Wrote" };
    writeln!(
        report_to,
        "{verb} {} accepted in the last deferred review to {}.",
        plural(fixes, "fix", "fixes"),
        if written.is_empty() {
            "no file".to_owned()
        } else {
            written.join(", ")
        }
    )?;
    for o in &outdated {
        writeln!(report_to, "  outdated: {o}")?;
    }
    for f in &failed {
        writeln!(report_to, "error: {f}")?;
    }
    if let Some(e) = journal_error {
        writeln!(
            report_to,
            "error: cannot record the writes in the journal: {e}"
        )?;
    }
    Ok(if failed.is_empty() {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    })
}
