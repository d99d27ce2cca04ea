//! Replays inputs (files named on the command line) through the fuzz target's checks, without
//! AFL: prints each violation with the file's name; exit 1 when any was found.

mod invariants;

fn main() {
    let mut failed = false;
    for path in std::env::args().skip(1) {
        let Ok(data) = std::fs::read(&path) else {
            eprintln!("{path}: unreadable");
            failed = true;
            continue;
        };
        let mut config = unchaff::Config::default();
        config.explain = true;
        let outcome = std::panic::catch_unwind(|| match unchaff::extract_bytes(&data, &config) {
            Ok(page) => invariants::check_sized(&page, Some(data.len())),
            Err(_) => Ok(()),
        });
        match outcome {
            Ok(Ok(())) => {}
            Ok(Err(violation)) => {
                println!("== {path}: {violation}\n");
                failed = true;
            }
            Err(_) => {
                println!("== {path}: panicked\n");
                failed = true;
            }
        }
    }
    std::process::exit(i32::from(failed));
}
