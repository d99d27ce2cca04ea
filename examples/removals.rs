//! Prints the blocks and the Filter-stage removals of one page: a development aid.
#![allow(clippy::expect_used, clippy::unwrap_used)]
fn main() {
    let path = std::env::args().nth(1).expect("a path");
    let bytes = std::fs::read(&path).expect("readable file");
    let page = unchaff::extract_bytes(&bytes, &unchaff::Config::default()).expect("extracts");
    for r in &page.removals {
        if r.stage != unchaff::Stage::Prune {
            println!("{:?} {:?} {}", r.node, r.stage, r.reason);
        }
    }
    println!("{} blocks", page.blocks.len());
}
