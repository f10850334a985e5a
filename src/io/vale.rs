//! Finding and reading a team's Vale setup: `.vale.ini` (or `_vale.ini`) from the working folder upward,
//! the styles it uses from its `StylesPath`, and its vocabularies. docreview never downloads anything:
//! `Packages` already synced into the `StylesPath` are used like any style; one that is not there is
//! one line of notice.

use crate::core::rules::vale::{self, StyleFile, Vale, ValeError, ValeIni};
use std::path::{Path, PathBuf};

/// The names Vale looks for, in order.
pub const FILE_NAMES: &[&str] = &[".vale.ini", "_vale.ini", ".vale", "_vale"];

/// A loaded setup and what could not be used, one line each.
pub struct Loaded {
    pub vale: Vale,
    pub path: PathBuf,
    pub notices: Vec<String>,
}

/// The nearest `.vale.ini` from `start` upward.
pub fn find(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find_map(|dir| FILE_NAMES.iter().map(|n| dir.join(n)).find(|p| p.is_file()))
}

fn read(path: &Path) -> Result<String, ValeError> {
    std::fs::read_to_string(path).map_err(|e| ValeError {
        file: path.display().to_string(),
        line: 0,
        message: if e.kind() == std::io::ErrorKind::InvalidData {
            "not UTF-8 text".into()
        } else {
            format!("cannot read it: {e}")
        },
    })
}

/// The styles a setup names: in `BasedOnStyles` anywhere, and as the style part of a rule line.
fn styles_named(ini: &ValeIni) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        if !s.is_empty() && !out.iter().any(|o| o == s) {
            out.push(s.to_owned());
        }
    };
    for section in std::iter::once(&ini.global).chain(&ini.sections) {
        for s in section.based_on.iter().flatten() {
            add(s);
        }
        for (rule, _) in &section.rules {
            add(rule.split('.').next().unwrap_or(rule));
        }
    }
    out
}

/// A vocabulary's accepted and rejected terms.
type Words = (Vec<String>, Vec<String>);

/// Reads the vocabulary `name`: `accept.txt` and `reject.txt` in `config/vocabularies/NAME` (or the older
/// `Vocab/NAME`) of a styles folder. Returns (accepted, rejected), or `None` when no folder holds it.
fn vocabulary(roots: &[PathBuf], name: &str) -> Result<Option<Words>, ValeError> {
    for root in roots {
        for dir in [
            root.join("config/vocabularies").join(name),
            root.join("Vocab").join(name),
        ] {
            if !dir.is_dir() {
                continue;
            }
            let words = |file: &str| -> Result<Vec<String>, ValeError> {
                let p = dir.join(file);
                if !p.is_file() {
                    return Ok(Vec::new());
                }
                Ok(read(&p)?
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with("# "))
                    .map(str::to_owned)
                    .collect())
            };
            return Ok(Some((words("accept.txt")?, words("reject.txt")?)));
        }
    }
    Ok(None)
}

/// The word lists (`.txt`) under a styles folder that spelling rules may name in `ignore`, by their
/// path relative to it (vocabularies left out: they are read as vocabularies).
fn word_lists(
    root: &Path,
    dir: &Path,
    depth: usize,
    out: &mut Vec<(String, Vec<String>)>,
) -> Result<(), ValeError> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let rel = p
            .strip_prefix(root)
            .unwrap_or(&p)
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect::<Vec<_>>()
            .join("/");
        if p.is_dir() {
            if depth < 3 && !matches!(rel.as_str(), "config/vocabularies" | "Vocab") {
                word_lists(root, &p, depth + 1, out)?;
            }
        } else if p.extension().is_some_and(|e| e == "txt") {
            let words = read(&p)?
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .map(str::to_owned)
                .collect();
            out.push((rel, words));
        }
    }
    Ok(())
}

/// Reads the setup at `path` (a `.vale.ini`).
pub fn load(path: &Path, shown: &str) -> Result<Loaded, ValeError> {
    let ini = vale::ini::parse(shown, &read(path)?)?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut notices = Vec::new();
    let roots: Vec<PathBuf> = ini.styles_path.iter().map(|p| base.join(p)).collect();
    for (line, key) in &ini.ignored_keys {
        notices.push(format!("{shown}:{line}: `{key}` is not used by docreview"));
    }
    for root in &roots {
        if !root.is_dir() {
            notices.push(format!(
                "{shown}: StylesPath {} is not a folder; its styles are not read",
                root.display()
            ));
        }
    }
    let mut files = Vec::new();
    for style in styles_named(&ini) {
        if style == "Vale" {
            continue;
        }
        let Some(dir) = roots.iter().map(|r| r.join(&style)).find(|d| d.is_dir()) else {
            let how = if ini.packages.iter().any(|p| p.ends_with(&style)) {
                " (a package: run `vale sync` once to download it; docreview never downloads)"
            } else {
                ""
            };
            notices.push(format!(
                "{shown}: the style {style} is not in the StylesPath{how}; its rules do not run"
            ));
            continue;
        };
        let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)
            .map_err(|e| ValeError {
                file: dir.display().to_string(),
                line: 0,
                message: format!("cannot read the style folder: {e}"),
            })?
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "yml" || e == "yaml"))
            .collect();
        entries.sort();
        for p in entries {
            let name = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            files.push(StyleFile {
                style: style.clone(),
                name,
                path: p.display().to_string(),
                text: read(&p)?,
            });
        }
    }
    let (mut accepted, mut rejected) = (Vec::new(), Vec::new());
    for name in &ini.vocab {
        match vocabulary(&roots, name)? {
            Some((a, r)) => {
                accepted.extend(a);
                rejected.extend(r);
            }
            None => notices.push(format!(
                "{shown}: the vocabulary {name} is not in the StylesPath (config/vocabularies/{name})"
            )),
        }
    }
    let mut ignore_files = Vec::new();
    for root in &roots {
        word_lists(root, root, 0, &mut ignore_files)?;
    }
    // Hunspell dictionaries: `config/dictionaries` (Vale.Spelling's) and a `dictionaries` folder in
    // any style (a rule's `dicpath`).
    let mut dictionaries = Vec::new();
    let mut folders: Vec<(PathBuf, String)> = Vec::new();
    for root in &roots {
        folders.push((
            root.join("config/dictionaries"),
            "config/dictionaries".into(),
        ));
        let Ok(styles) = std::fs::read_dir(root) else {
            continue;
        };
        let mut styles: Vec<PathBuf> = styles.flatten().map(|e| e.path()).collect();
        styles.sort();
        for s in styles {
            let d = s.join("dictionaries");
            if d.is_dir() {
                let name = s.file_name().and_then(|n| n.to_str()).unwrap_or_default();
                folders.push((d, format!("{name}/dictionaries")));
            }
        }
    }
    for (dir, rel) in folders {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut dics: Vec<PathBuf> = entries
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "dic"))
            .collect();
        dics.sort();
        for dic in dics {
            let aff = dic.with_extension("aff");
            if !aff.is_file() {
                notices.push(format!(
                    "{}: no .aff file beside it; the dictionary is not read",
                    dic.display()
                ));
                continue;
            }
            dictionaries.push(vale::DictionaryFiles {
                dir: rel.clone(),
                name: dic
                    .file_stem()
                    .and_then(|s| s.to_str())
                    .unwrap_or_default()
                    .to_owned(),
                path: dic.display().to_string(),
                aff: read(&aff)?,
                dic: read(&dic)?,
            });
        }
    }
    let vale = Vale::build(vale::Setup {
        ini,
        ini_path: shown.to_owned(),
        files,
        accepted,
        rejected,
        word_lists: ignore_files,
        dictionaries,
    })?;
    let unsupported = vale.unsupported();
    // Vale.Spelling is reported only when the setup uses the Vale style.
    let skipped: Vec<&str> = unsupported
        .iter()
        .filter(|u| u.id != "Vale.Spelling")
        .map(|u| u.id.as_str())
        .collect();
    if !skipped.is_empty() {
        notices.push(format!(
            "{shown}: {} Vale rule{} cannot run here and {} skipped: {} (`docreview rules --all` says why)",
            skipped.len(),
            if skipped.len() == 1 { "" } else { "s" },
            if skipped.len() == 1 { "is" } else { "are" },
            skipped.join(", ")
        ));
    }
    Ok(Loaded {
        vale,
        path: path.to_path_buf(),
        notices,
    })
}
