//! Fuzz target: any bytes through the bytes entry point, with the page record on, must return
//! without panicking; the text, Markdown and HTML renderers (images off and on, HTML as a
//! fragment and standalone) must not panic either, and their outputs must keep the invariants
//! of `invariants.rs`. A violation aborts, so AFL++ records it as a crash.

mod invariants;

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let mut config = unchaff::Config::default();
        config.explain = true;
        if let Ok(page) = unchaff::extract_bytes(data, &config) {
            let text = page.text();
            assert!(!text.contains('\0') || data.contains(&0), "no NUL invented");
            if let Err(violation) = invariants::check_sized(&page, Some(data.len())) {
                panic!("invariant broken: {violation}");
            }
        }
    });
}
