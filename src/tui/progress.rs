//! The progress bar of long runs (check, apply, triage, baseline) on standard error.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{RecvTimeoutError, Sender, channel};
use std::time::{Duration, Instant};

/// A progress bar on standard error while docs are checked: docs done of all, speed, time left. It
/// appears only on a terminal, and only once a run has taken a second (a warm run never shows it); it
/// is cleared before the report is printed.
pub struct Progress {
    /// Dropped to stop the bar: the drawing thread wakes at once (a warm run must not wait for it).
    stop: Option<Sender<()>>,
    handle: Option<std::thread::JoinHandle<()>>,
}

impl Progress {
    /// Starts watching `done` (docs checked so far) of `total` docs holding `bytes` bytes; nothing is
    /// drawn when `show` is false.
    pub fn start(done: Arc<AtomicUsize>, total: usize, bytes: usize, show: bool) -> Progress {
        if !show || total == 0 {
            return Progress {
                stop: None,
                handle: None,
            };
        }
        let (stop, stopped) = channel::<()>();
        // Waits `time`; false once the bar is to stop.
        let wait = move |time: Duration| {
            matches!(stopped.recv_timeout(time), Err(RecvTimeoutError::Timeout))
        };
        let handle = std::thread::spawn(move || {
            let started = Instant::now();
            if !wait(Duration::from_secs(1)) {
                return;
            }
            let bar =
                ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::stderr());
            if let Ok(style) = ProgressStyle::with_template(
                "  checking [{bar:24}] {pos}/{len} docs · {msg} · {eta} left",
            ) {
                bar.set_style(style.progress_chars("#>-"));
            }
            loop {
                let d = done.load(Ordering::Relaxed).min(total);
                let secs = started.elapsed().as_secs_f64().max(1e-3);
                let mb = bytes as f64 * d as f64 / total as f64 / 1e6;
                bar.set_message(format!("{:.1} MB/s", mb / secs));
                bar.set_position(d as u64);
                if !wait(Duration::from_millis(100)) {
                    break;
                }
            }
            bar.finish_and_clear();
        });
        Progress {
            stop: Some(stop),
            handle: Some(handle),
        }
    }

    /// Stops and clears the bar.
    pub fn finish(mut self) {
        drop(self.stop.take());
        if let Some(h) = self.handle.take() {
            let _ = h.join();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quick_run_does_not_wait_for_the_bar() {
        let started = Instant::now();
        let bar = Progress::start(Arc::new(AtomicUsize::new(0)), 10, 1_000, true);
        bar.finish();
        // The bar waits a second before it draws; stopping it must not wait for a tick of its clock.
        assert!(
            started.elapsed() < Duration::from_millis(50),
            "{:?}",
            started.elapsed()
        );
    }
}
