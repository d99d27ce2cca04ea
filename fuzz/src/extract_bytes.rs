//! Fuzz target: any bytes through the bytes entry point and the text renderer, with the page
//! record on, must return without panicking.

fn main() {
    afl::fuzz!(|data: &[u8]| {
        let mut config = unchaff::Config::default();
        config.explain = true;
        if let Ok(page) = unchaff::extract_bytes(data, &config) {
            let text = page.text();
            assert!(!text.contains('\0') || data.contains(&0), "no NUL invented");
        }
    });
}
