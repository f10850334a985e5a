//! The progress bar of long runs (check, apply, triage, baseline) on standard error.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A progress bar on standard error while docs are checked: docs done of all, speed, time left. It
/// appears only on a terminal, and only once a run has taken a second (a warm run never shows it); it
/// is cleared before the report is printed.
pub struct Progress {
    stop: Arc<AtomicBool>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    /// Starts watching `done` (docs checked so far) of `total` docs holding `bytes` bytes; nothing is
    /// drawn when `show` is false.
    pub fn start(done: Arc<AtomicUsize>, total: usize, bytes: usize, show: bool) -> Progress {
        let stop = Arc::new(AtomicBool::new(false));
        if !show || total == 0 {
            return Progress { stop, handle: None };
        }
        let flag = stop.clone();
        let handle = std::thread::spawn(move || {
            let tick = Duration::from_millis(100);
            let started = Instant::now();
            while started.elapsed() < Duration::from_secs(1) {
                if flag.load(Ordering::Relaxed) {
                    return;
                }
                std::thread::sleep(tick);
            }
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "  checking [{bar:24}] {pos}/{len} docs · {msg} · {eta} left",
            ) {
                bar.set_style(style.progress_chars("#>-"));
            }
            while !flag.load(Ordering::Relaxed) {
                let d = done.load(Ordering::Relaxed).min(total);
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                let mb = bytes as f64 * d as f64 / total as f64 / 1e6;
                bar.set_message(format!("{:.1} MB/s", mb / secs));
                bar.set_position(d as u64);
                std::thread::sleep(tick);
            }
            bar.finish_and_clear();
        });
        Progress {
            stop,
            handle: Some(handle),
        }
    }

    /// Stops and clears the bar.
    pub fn finish(mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}
