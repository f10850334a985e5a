//! Reading a rule file's keys as Vale does: a key may be missing or null, a list may be a single
//! string, a number or a boolean may be written as a string; every wrong type is an error naming the key.

use super::ValeError;
use serde_norway::{Mapping, Value};

pub(super) struct Fields<'a> {
    pub(super) map: &'a Mapping,
    pub(super) err: &'a dyn Fn(String) -> ValeError,
}

impl Fields<'_> {
    pub(super) fn get(&self, key: &str) -> Option<&Value> {
        self.map.get(key).filter(|v| !v.is_null())
    }

    pub(super) fn string(&self, key: &str) -> Result<Option<String>, ValeError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(Value::Number(n)) => Ok(Some(n.to_string())),
            Some(Value::Bool(b)) => Ok(Some(b.to_string())),
            Some(_) => Err((self.err)(format!("`{key}` must be a string"))),
        }
    }

    pub(super) fn text(&self, key: &str) -> Result<String, ValeError> {
        Ok(self.string(key)?.unwrap_or_default())
    }

    pub(super) fn flag(&self, key: &str, default: bool) -> Result<bool, ValeError> {
        match self.get(key) {
            None => Ok(default),
            Some(Value::Bool(b)) => Ok(*b),
            Some(Value::String(s)) if matches!(s.as_str(), "true" | "false") => Ok(s == "true"),
            Some(_) => Err((self.err)(format!("`{key}` must be true or false"))),
        }
    }

    pub(super) fn number(&self, key: &str) -> Result<Option<f64>, ValeError> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(n)) => Ok(n.as_f64()),
            Some(Value::String(s)) => s
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| (self.err)(format!("`{key}` must be a number"))),
            Some(_) => Err((self.err)(format!("`{key}` must be a number"))),
        }
    }

    pub(super) fn count(&self, key: &str) -> Result<usize, ValeError> {
        Ok(self.number(key)?.map_or(0, |n| n.max(0.0) as usize))
    }

    /// A list of strings (a single string counts as a list of one).
    pub(super) fn strings(&self, key: &str) -> Result<Vec<String>, ValeError> {
        let one = |v: &Value| match v {
            Value::String(s) => Ok(s.clone()),
            Value::Number(n) => Ok(n.to_string()),
            Value::Bool(b) => Ok(b.to_string()),
            _ => Err((self.err)(format!("`{key}` must be a list of strings"))),
        };
        match self.get(key) {
            None => Ok(Vec::new()),
            Some(Value::Sequence(items)) => items.iter().map(one).collect(),
            Some(v) => Ok(vec![one(v)?]),
        }
    }

    /// A map of strings, in file order (`swap`, `either`). Vale also accepts a list of one-entry maps.
    pub(super) fn pairs(&self, key: &str) -> Result<Vec<(String, String)>, ValeError> {
        let as_str = |v: &Value| match v {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Null => Some(String::new()),
            _ => None,
        };
        let bad = || (self.err)(format!("`{key}` must map strings to strings"));
        let mut out = Vec::new();
        let mut add = |m: &Mapping| -> Result<(), ValeError> {
            for (k, v) in m {
                out.push((as_str(k).ok_or_else(bad)?, as_str(v).ok_or_else(bad)?));
            }
            Ok(())
        };
        match self.get(key) {
            None => {}
            Some(Value::Mapping(m)) => add(m)?,
            Some(Value::Sequence(items)) => {
                for item in items {
                    match item {
                        Value::Mapping(m) => add(m)?,
                        _ => return Err(bad()),
                    }
                }
            }
            Some(_) => return Err(bad()),
        }
        Ok(out)
    }
}
