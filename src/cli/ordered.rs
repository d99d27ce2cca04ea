//! Work over a sequence on several threads, with the results handed on in the sequence's order:
//! no barrier between chunks (a long page holds up only the results after it), and at most a
//! window of results waiting, so memory stays flat however long the sequence.

use std::collections::BTreeMap;
use std::sync::mpsc;
use std::sync::{Condvar, Mutex, MutexGuard, PoisonError};

/// Results computed ahead of the one awaited, at most, per thread.
const AHEAD_PER_THREAD: usize = 16;

struct State<I> {
    items: I,
    /// Items taken by the threads so far.
    taken: usize,
    /// Results handed on so far.
    handed: usize,
    /// Set when the consumer stops early.
    stop: bool,
    /// Threads waiting for the window to move: only then is a wake-up due (a system call).
    waiting: usize,
}

/// Runs `work` on each item of `items` on `threads` threads, and `done` on each result in the
/// items' order on the calling thread. Stops at the first error of `done`, and returns it.
pub fn for_each<I, R, E>(
    threads: usize,
    items: I,
    work: impl Fn(I::Item) -> R + Sync,
    mut done: impl FnMut(R) -> Result<(), E>,
) -> Result<(), E>
where
    I: Iterator + Send,
    R: Send,
{
    if threads <= 1 {
        // One thread: the work runs on this one, without handing each result over to it (a
        // wake-up, and so a system call, per item).
        return items.map(work).try_for_each(done);
    }
    let window = AHEAD_PER_THREAD * threads;
    let state = Mutex::new(State {
        items,
        taken: 0,
        handed: 0,
        stop: false,
        waiting: 0,
    });
    let turn = Condvar::new();
    let lock = || state.lock().unwrap_or_else(PoisonError::into_inner);
    std::thread::scope(|scope| {
        let (results, received) = mpsc::channel();
        for _ in 0..threads {
            let results = results.clone();
            let (work, turn) = (&work, &turn);
            scope.spawn(move || {
                while let Some((n, item)) = next(lock(), turn, window) {
                    if results.send((n, work(item))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(results);
        let mut waiting = BTreeMap::new();
        let mut handed = 0;
        for (n, result) in received {
            waiting.insert(n, result);
            while let Some(result) = waiting.remove(&handed) {
                handed += 1;
                let outcome = done(result);
                let mut state = lock();
                state.handed = handed;
                state.stop = outcome.is_err();
                if state.waiting > 0 {
                    turn.notify_all();
                }
                drop(state);
                outcome?;
            }
        }
        Ok(())
    })
}

/// The next item and its number, once the window lets a thread take it; `None` at the end.
fn next<I: Iterator>(
    mut state: MutexGuard<'_, State<I>>,
    turn: &Condvar,
    window: usize,
) -> Option<(usize, I::Item)> {
    while !state.stop && state.taken >= state.handed + window {
        state.waiting += 1;
        state = turn.wait(state).unwrap_or_else(PoisonError::into_inner);
        state.waiting -= 1;
    }
    if state.stop {
        return None;
    }
    let item = state.items.next()?;
    state.taken += 1;
    Some((state.taken - 1, item))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_order_whatever_each_takes() {
        let mut seen = Vec::new();
        let outcome: Result<(), ()> = for_each(
            3,
            0..200u64,
            |n| {
                // Early items take longest, so later ones finish first.
                std::thread::sleep(std::time::Duration::from_micros((200 - n) * 20));
                n * 2
            },
            |r| {
                seen.push(r);
                Ok(())
            },
        );
        assert_eq!(outcome, Ok(()));
        assert_eq!(seen, (0..200).map(|n| n * 2).collect::<Vec<_>>());
    }

    #[test]
    fn an_error_stops_the_work() {
        let worked = std::sync::atomic::AtomicUsize::new(0);
        let mut seen = 0;
        let outcome = for_each(
            2,
            0..100_000usize,
            |n| {
                worked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                n
            },
            |n| {
                seen += 1;
                if n == 10 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(outcome, Err(10));
        assert_eq!(seen, 11);
        // No more than the window was worked on past the error.
        assert!(worked.into_inner() <= 11 + 2 * AHEAD_PER_THREAD);
    }

    #[test]
    fn one_thread_works_in_order_and_stops_at_the_first_error() {
        let worked = std::sync::atomic::AtomicUsize::new(0);
        let mut seen = Vec::new();
        let outcome = for_each(
            1,
            0..100usize,
            |n| {
                worked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                n * 3
            },
            |n| {
                seen.push(n);
                if n == 30 { Err(n) } else { Ok(()) }
            },
        );
        assert_eq!(outcome, Err(30));
        assert_eq!(seen, (0..=10).map(|n| n * 3).collect::<Vec<_>>());
        // Nothing is worked on ahead of the result awaited.
        assert_eq!(worked.into_inner(), 11);
    }
}
