//! A guideline's sibling `.json` file of review discussions: each ```suggestion in it becomes an example
//! the guideline's rules are tested on.

use super::*;

#[derive(Deserialize)]
pub(super) struct Discussion {
    #[serde(default)]
    discussion_id: serde_json::Value,
    #[serde(default)]
    pr_number: Option<u64>,
    #[serde(default)]
    pr_file: String,
    #[serde(default)]
    commented_code: String,
    #[serde(default)]
    discussion_comments: Vec<Comment>,
}

#[derive(Deserialize)]
pub(super) struct Comment {
    #[serde(default)]
    comment_author: String,
    #[serde(default)]
    comment_body: String,
}

pub(super) fn read_discussions(g: &mut Guideline, path: &str, json: &str, line_offset: usize) {
    let discussions: Vec<Discussion> = match serde_json::from_str(json) {
        Ok(d) => d,
        Err(e) => {
            let what = if e.classify() == serde_json::error::Category::Data {
                "the discussions are not a list of review discussions"
            } else {
                "the discussions are not valid JSON"
            };
            let mut at = crate::core::Located::json(&e, what);
            at.line += line_offset;
            g.malformed.get_or_insert(at.in_file(path));
            return;
        }
    };
    for d in discussions {
        let id = match &d.discussion_id {
            serde_json::Value::String(s) => s.clone(),
            serde_json::Value::Null => String::new(),
            v => v.to_string(),
        };
        let hunk = new_lines(&d.commented_code);
        // The discussion's line in the file, for messages.
        let line = Regex::new(&format!(
            r#""discussion_id"\s*:\s*"?{}"?"#,
            regex::escape(&id)
        ))
        .ok()
        .and_then(|re| re.find(json))
        .map_or(0, |m| {
            json[..m.start()].matches('\n').count() + 1 + line_offset
        });
        for c in &d.discussion_comments {
            let crate::core::suggestions::CommentParts {
                blocks,
                words: comment,
                unclosed,
            } = suggestion_blocks(&c.comment_body);
            if unclosed {
                g.problems.push(Problem {
                    path: path.to_owned(),
                    line,
                    message: format!(
                        "discussion {id}: a suggestion block by {} is not closed; it is skipped",
                        c.comment_author
                    ),
                });
            }
            for block in blocks {
                let Some(example) = example_from(&hunk, &block, None) else {
                    g.problems.push(Problem {
                        path: path.to_owned(),
                        line,
                        message: format!(
                            "discussion {id}: the commented code has no lines for the suggestion to replace"
                        ),
                    });
                    continue;
                };
                g.examples.push(Example {
                    discussion: id.clone(),
                    pr_number: d.pr_number,
                    pr_file: d.pr_file.clone(),
                    author: c.comment_author.clone(),
                    comment: comment.clone(),
                    ..example
                });
            }
        }
    }
}

/// The passage before and after a suggestion that replaces the last lines of `hunk`: as many lines as
/// the suggestion has, or `count` when the caller knows it (GitHub's `start_line`..`line`). An empty
/// suggestion deletes one line.
pub fn example_from(
    hunk: &[String],
    suggestion: &[String],
    count: Option<usize>,
) -> Option<Example> {
    let k = count.unwrap_or(suggestion.len()).max(1);
    if hunk.len() < k {
        return None;
    }
    let keep = &hunk[..hunk.len() - k];
    let mut before = String::new();
    for l in keep {
        before.push_str(l);
        before.push('\n');
    }
    let mut after = before.clone();
    let start = before.len();
    for l in &hunk[hunk.len() - k..] {
        before.push_str(l);
        before.push('\n');
    }
    for l in suggestion {
        after.push_str(l);
        after.push('\n');
    }
    Some(Example {
        discussion: String::new(),
        pr_number: None,
        pr_file: String::new(),
        author: String::new(),
        comment: String::new(),
        changed: start..before.len(),
        before,
        after,
    })
}
