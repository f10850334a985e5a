//! Document statistics for Vale's `metric` and `readability` rules: counts of words, sentences,
//! syllables and long or complex words in a doc's running text, the number of each kind of block, the
//! usual readability grades, and the small arithmetic of a metric's `formula`.

use std::collections::HashMap;

/// Vowel groups in a word, a common estimate of its syllables (a silent final "e" not counted).
pub fn syllables(word: &str) -> usize {
    let w: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    if w.is_empty() {
        return 0;
    }
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut n = 0;
    let mut prev = false;
    for &c in &w {
        let v = vowel(c);
        if v && !prev {
            n += 1;
        }
        prev = v;
    }
    let len = w.len();
    // "-le" after a consonant ("table") is a syllable of its own.
    let le_syllable = len > 2 && w[len - 2] == 'l' && !vowel(w[len - 3]);
    if len > 2 && w[len - 1] == 'e' && !vowel(w[len - 2]) && !le_syllable {
        n -= 1;
    }
    n.max(1)
}

/// The statistics of a text, as named in a metric's formula.
pub fn of_text(text: &str) -> HashMap<String, f64> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let sentences = super::scope::sentences(text).len().max(1);
    let syll: Vec<usize> = words.iter().map(|w| syllables(w)).collect();
    let mut m = HashMap::new();
    let count =
        |f: &dyn Fn(usize) -> bool| words.iter().enumerate().filter(|&(i, _)| f(i)).count() as f64;
    m.insert("words".into(), words.len() as f64);
    m.insert("sentences".into(), sentences as f64);
    m.insert(
        "characters".into(),
        words
            .iter()
            .map(|w| w.chars().filter(|c| c.is_alphanumeric()).count())
            .sum::<usize>() as f64,
    );
    m.insert("syllables".into(), syll.iter().sum::<usize>() as f64);
    m.insert("complex_words".into(), count(&|i| syll[i] >= 3));
    m.insert("polysyllabic_words".into(), count(&|i| syll[i] >= 3));
    m.insert(
        "long_words".into(),
        count(&|i| words[i].chars().count() > 6),
    );
    m
}

/// A readability grade by name (Vale's names), from the statistics.
pub fn grade(metric: &str, s: &HashMap<String, f64>) -> Option<f64> {
    let g = |k: &str| s.get(k).copied().unwrap_or(0.0);
    let (words, sentences) = (g("words").max(1.0), g("sentences").max(1.0));
    Some(match metric {
        "Flesch-Kincaid" => 0.39 * (words / sentences) + 11.8 * (g("syllables") / words) - 15.59,
        "Gunning Fog" => 0.4 * ((words / sentences) + 100.0 * (g("complex_words") / words)),
        "Coleman-Liau" => {
            0.0588 * (g("characters") / words * 100.0) - 0.296 * (sentences / words * 100.0) - 15.8
        }
        "SMOG" => 1.043 * (g("polysyllabic_words") * 30.0 / sentences).sqrt() + 3.1291,
        "Automated Readability" => {
            4.71 * (g("characters") / words) + 0.5 * (words / sentences) - 21.43
        }
        _ => return None,
    })
}

/// A metric's formula: numbers, names (`words`, `heading.h2`), `+ - * /` and parentheses.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    Num(f64),
    Var(String),
    Neg(Box<Expr>),
    Bin(char, Box<Expr>, Box<Expr>),
    /// `sqrt(x)`, `math.sqrt(x)`, `abs`, `log`, `ceil`, `floor`, `round`, `pow(x, y)`, `min`, `max`.
    Call(String, Vec<Expr>),
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, String> {
        let toks: Vec<char> = src.chars().collect();
        let mut p = Parser { toks: &toks, at: 0 };
        let e = p.sum()?;
        p.space();
        if p.at < toks.len() {
            return Err(format!(
                "unexpected `{}` in the formula `{}`",
                toks[p.at],
                src.trim()
            ));
        }
        Ok(e)
    }

    /// The value, with names looked up in `vars` (a name not there is 0).
    pub fn eval(&self, vars: &HashMap<String, f64>) -> f64 {
        match self {
            Expr::Num(n) => *n,
            Expr::Var(v) => vars.get(v).copied().unwrap_or(0.0),
            Expr::Neg(e) => -e.eval(vars),
            Expr::Call(f, args) => {
                let a: Vec<f64> = args.iter().map(|e| e.eval(vars)).collect();
                let x = a.first().copied().unwrap_or(0.0);
                let y = a.get(1).copied().unwrap_or(0.0);
                match f.trim_start_matches("math.") {
                    "sqrt" => x.max(0.0).sqrt(),
                    "abs" => x.abs(),
                    "log" => x.ln(),
                    "ceil" => x.ceil(),
                    "floor" => x.floor(),
                    "round" => x.round(),
                    "pow" => x.powf(y),
                    "min" => x.min(y),
                    _ => x.max(y),
                }
            }
            Expr::Bin(op, a, b) => {
                let (a, b) = (a.eval(vars), b.eval(vars));
                match op {
                    '+' => a + b,
                    '-' => a - b,
                    '*' => a * b,
                    _ if b == 0.0 => 0.0,
                    _ => a / b,
                }
            }
        }
    }
}

struct Parser<'a> {
    toks: &'a [char],
    at: usize,
}

impl Parser<'_> {
    fn space(&mut self) {
        while self.toks.get(self.at).is_some_and(|c| c.is_whitespace()) {
            self.at += 1;
        }
    }

    fn peek(&mut self) -> Option<char> {
        self.space();
        self.toks.get(self.at).copied()
    }

    fn sum(&mut self) -> Result<Expr, String> {
        let mut e = self.product()?;
        while let Some(op @ ('+' | '-')) = self.peek() {
            self.at += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.product()?));
        }
        Ok(e)
    }

    fn product(&mut self) -> Result<Expr, String> {
        let mut e = self.unary()?;
        while let Some(op @ ('*' | '/')) = self.peek() {
            self.at += 1;
            e = Expr::Bin(op, Box::new(e), Box::new(self.unary()?));
        }
        Ok(e)
    }

    fn unary(&mut self) -> Result<Expr, String> {
        match self.peek() {
            Some('-') => {
                self.at += 1;
                Ok(Expr::Neg(Box::new(self.unary()?)))
            }
            Some('(') => {
                self.at += 1;
                let e = self.sum()?;
                if self.peek() != Some(')') {
                    return Err("a `(` in the formula is not closed".into());
                }
                self.at += 1;
                Ok(e)
            }
            Some(c) if c.is_ascii_digit() || c == '.' => {
                let start = self.at;
                while self
                    .toks
                    .get(self.at)
                    .is_some_and(|c| c.is_ascii_digit() || *c == '.')
                {
                    self.at += 1;
                }
                let s: String = self.toks[start..self.at].iter().collect();
                s.parse()
                    .map(Expr::Num)
                    .map_err(|_| format!("`{s}` is not a number"))
            }
            Some(c) if c.is_alphabetic() || c == '_' => {
                let start = self.at;
                while self
                    .toks
                    .get(self.at)
                    .is_some_and(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
                {
                    self.at += 1;
                }
                let name: String = self.toks[start..self.at].iter().collect();
                if self.peek() != Some('(') {
                    return Ok(Expr::Var(name));
                }
                const FUNCTIONS: &[&str] = &[
                    "sqrt", "abs", "log", "ceil", "floor", "round", "pow", "min", "max",
                ];
                if !FUNCTIONS.contains(&name.trim_start_matches("math.")) {
                    return Err(format!("`{name}` is not a function a formula can call"));
                }
                self.at += 1;
                let mut args = vec![self.sum()?];
                while self.peek() == Some(',') {
                    self.at += 1;
                    args.push(self.sum()?);
                }
                if self.peek() != Some(')') {
                    return Err(format!("the call of `{name}` is not closed"));
                }
                self.at += 1;
                Ok(Expr::Call(name, args))
            }
            Some(c) => Err(format!("unexpected `{c}` in the formula")),
            None => Err("the formula ends too early".into()),
        }
    }
}

/// A metric's `condition` (`> 35`, `<= 2`, `== 0`): the comparison and its number.
pub fn condition(src: &str) -> Result<(String, f64), String> {
    let s = src.trim();
    let op_len = s
        .chars()
        .take_while(|c| matches!(c, '<' | '>' | '=' | '!'))
        .count();
    let (op, num) = s.split_at(op_len);
    if !matches!(op, ">" | "<" | ">=" | "<=" | "==" | "!=") {
        return Err(format!(
            "the condition `{s}` must start with >, <, >=, <=, == or !="
        ));
    }
    let n: f64 = num
        .trim()
        .parse()
        .map_err(|_| format!("the condition `{s}` must compare with a number"))?;
    Ok((op.to_owned(), n))
}

/// Does `value` meet the condition?
pub fn holds(op: &str, value: f64, n: f64) -> bool {
    match op {
        ">" => value > n,
        "<" => value < n,
        ">=" => value >= n,
        "<=" => value <= n,
        "==" => (value - n).abs() < 1e-9,
        _ => (value - n).abs() >= 1e-9,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_and_conditions() {
        let e = Expr::parse("(words / sentences) + ((long_words * 100) / words)").expect("parses");
        let vars: HashMap<String, f64> = [("words", 20.0), ("sentences", 2.0), ("long_words", 5.0)]
            .iter()
            .map(|(k, v)| ((*k).to_owned(), *v))
            .collect();
        assert_eq!(e.eval(&vars), 35.0);
        assert_eq!(
            Expr::parse("heading.h2 + -1").expect("parses").eval(&vars),
            -1.0
        );
        assert!(Expr::parse("(words").is_err());
        assert_eq!(
            Expr::parse("math.sqrt(words * 5) + pow(2, 3)")
                .expect("parses")
                .eval(&vars),
            18.0
        );
        assert!(Expr::parse("system(1)").is_err());
        assert!(Expr::parse("words $ 2").is_err());
        assert_eq!(condition("> 35"), Ok((">".into(), 35.0)));
        assert!(condition("about 3").is_err());
        assert!(holds(">=", 2.0, 2.0) && !holds(">", 2.0, 2.0));
    }

    #[test]
    fn plain_text_reads_at_a_low_grade() {
        let s = of_text("The cat sat on the mat. It was a good day.");
        assert_eq!(s["words"], 11.0);
        assert_eq!(s["sentences"], 2.0);
        let fk = grade("Flesch-Kincaid", &s).expect("known");
        assert!(fk < 3.0, "{fk}");
        assert_eq!(syllables("readability"), 5);
        assert_eq!(syllables("table"), 2);
    }
}
