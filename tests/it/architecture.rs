//! The floor plan holds (ARCHITECTURE.md): no import cycle between the modules of `src/`, nor
//! between its folders; no file over 800 lines; no function over 80 lines outside tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use regex::Regex;

const MAX_FILE_LINES: usize = 800;
const MAX_FN_LINES: usize = 80;

/// Every `.rs` file under `dir`, sorted.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The module a file defines: `extract::build` for `extract/build/mod.rs`, `crate` for `lib.rs`.
fn module_of(src: &Path, file: &Path) -> String {
    let relative = file
        .strip_prefix(src)
        .expect("under src")
        .with_extension("");
    let mut parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    if parts.is_empty() {
        "crate".to_owned()
    } else {
        parts.join("::")
    }
}

/// A file's code: its test module and comment lines left out.
fn code_of(text: &str) -> String {
    let code = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    code.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules each module of `src/` imports (through `crate::` paths, and the names `lib.rs`
/// re-exports).
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = sources(src);
    let modules: BTreeMap<String, String> = files
        .iter()
        .map(|f| {
            let text = std::fs::read_to_string(f).expect("readable");
            (module_of(src, f), code_of(&text))
        })
        .collect();
    let lib = &modules["crate"];
    let reexport = Regex::new(r"pub use ((?:[a-z_]+::)+)\{?([A-Za-z_, ]+)\}?;").expect("regex");
    let mut exported: BTreeMap<String, String> = BTreeMap::new();
    for found in reexport.captures_iter(lib) {
        let module = found[1].trim_end_matches("::").to_owned();
        for name in found[2].split(',').map(str::trim).filter(|n| !n.is_empty()) {
            exported.insert(name.to_owned(), module.clone());
        }
    }
    let path = Regex::new(r"crate::((?:[a-z_]+::)*[a-z_]+)").expect("regex");
    let names = Regex::new(r"crate::\{([^}]*)\}|crate::([A-Z][A-Za-z]*)").expect("regex");
    let mut graph = BTreeMap::new();
    for (module, code) in &modules {
        let mut used: Vec<String> = path.captures_iter(code).map(|c| c[1].to_owned()).collect();
        for found in names.captures_iter(code) {
            let list = found.get(1).or(found.get(2)).map_or("", |m| m.as_str());
            let names = list.split(',').map(str::trim);
            used.extend(names.filter_map(|n| exported.get(n).cloned()));
        }
        let mut targets = BTreeSet::new();
        for used in used {
            let parts: Vec<&str> = used.split("::").collect();
            // The longest prefix that is a module.
            let target = (1..=parts.len())
                .rev()
                .map(|k| parts[..k].join("::"))
                .find(|m| modules.contains_key(m));
            if let Some(target) = target
                && target != *module
                && !module.starts_with(&format!("{target}::"))
            {
                targets.insert(target);
            }
        }
        graph.insert(module.clone(), targets);
    }
    graph
}

/// A cycle of `graph`, if it has one.
fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    // 0: not seen, 1: on the path, 2: done.
    let mut state: BTreeMap<&str, u8> = BTreeMap::new();
    for start in graph.keys() {
        if state.get(start.as_str()).copied().unwrap_or(0) != 0 {
            continue;
        }
        let mut path: Vec<(&str, Vec<&str>)> = Vec::new();
        let next = |m: &str| {
            graph
                .get(m)
                .map_or(Vec::new(), |s| s.iter().map(String::as_str).collect())
        };
        state.insert(start, 1);
        path.push((start, next(start)));
        while let Some((module, targets)) = path.last_mut() {
            let module = *module;
            let Some(target) = targets.pop() else {
                state.insert(module, 2);
                path.pop();
                continue;
            };
            match state.get(target).copied().unwrap_or(0) {
                0 => {
                    state.insert(target, 1);
                    path.push((target, next(target)));
                }
                1 => {
                    let from = path.iter().position(|(m, _)| *m == target).unwrap_or(0);
                    let mut cycle: Vec<String> =
                        path[from..].iter().map(|(m, _)| (*m).to_owned()).collect();
                    cycle.push(target.to_owned());
                    return Some(cycle);
                }
                _ => {}
            }
        }
    }
    None
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let graph = imports(&src());
    assert!(
        graph.contains_key("extract::select") && graph.len() > 30,
        "{graph:?}"
    );
    assert!(
        graph["extract::select"].contains("page"),
        "imports are read"
    );
    assert_eq!(cycle(&graph), None, "an import cycle between modules");
}

#[test]
fn no_folder_imports_one_that_imports_it_back() {
    // A folder is one layer, but for `dedup`: its fingerprints sit below the stages that use
    // them, its cross-page pass above the result it filters.
    let layer = |m: &str| match m {
        "dedup::site" => m.to_owned(),
        "dedup" | "dedup::fingerprint" => "dedup::fingerprint".to_owned(),
        m => m.split("::").next().unwrap_or(m).to_owned(),
    };
    let mut folders: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, targets) in imports(&src()) {
        let own = layer(&module);
        let targets: Vec<String> = targets.iter().map(|t| layer(t)).collect();
        let entry = folders.entry(own.clone()).or_default();
        entry.extend(targets.into_iter().filter(|t| *t != own));
    }
    assert_eq!(cycle(&folders), None, "an import cycle between folders");
}

#[test]
fn no_file_is_too_long() {
    let src = src();
    let long: Vec<String> = sources(&src)
        .into_iter()
        .filter_map(|f| {
            let lines = std::fs::read_to_string(&f)
                .expect("readable")
                .lines()
                .count();
            (lines > MAX_FILE_LINES).then(|| format!("{} ({lines} lines)", f.display()))
        })
        .collect();
    assert!(
        long.is_empty(),
        "files over {MAX_FILE_LINES} lines: {long:#?}"
    );
}

#[test]
fn no_function_is_too_long() {
    let start = Regex::new(r"^(\s*)(pub(\([a-z]+\))? )?(const )?fn (\w+)").expect("regex");
    let mut long = Vec::new();
    for file in sources(&src()) {
        let text = std::fs::read_to_string(&file).expect("readable");
        let code = text.split("#[cfg(test)]").next().unwrap_or(&text);
        let lines: Vec<&str> = code.lines().collect();
        for (at, line) in lines.iter().enumerate() {
            let Some(found) = start.captures(line) else {
                continue;
            };
            let indent = &found[1];
            // The body opens on the signature's last line and closes at the same indent.
            let Some(open) = (at..lines.len()).find(|&k| {
                let l = lines[k].trim_end();
                l.ends_with('{') || l.ends_with(';')
            }) else {
                continue;
            };
            if !lines[open].trim_end().ends_with('{') {
                continue;
            }
            let close =
                (open + 1..lines.len()).find(|&k| lines[k].trim_end() == format!("{indent}}}"));
            let length = close.map_or(0, |c| c - at + 1);
            if length > MAX_FN_LINES {
                long.push(format!(
                    "{}: fn {} ({length} lines)",
                    file.display(),
                    &found[5]
                ));
            }
        }
    }
    assert!(
        long.is_empty(),
        "functions over {MAX_FN_LINES} lines: {long:#?}"
    );
}

/// The cut before parsing keeps only the attributes some stage reads (`input::cut::is_read`): every name a stage looks up (`attr(i, "name")`, `attrs(e, [...])`) is there.
#[test]
fn every_attribute_a_stage_reads_survives_the_cut() {
    let cut = std::fs::read_to_string(src().join("input/cut.rs")).expect("cut.rs is readable");
    let list = cut
        .split("fn is_read(")
        .nth(1)
        .and_then(|rest| rest.split("\n}\n").next())
        .expect("cut.rs has is_read");
    let kept: BTreeSet<&str> = Regex::new(r#"b"([a-z-]+)""#)
        .expect("regex")
        .captures_iter(list)
        .map(|c| c.get(1).expect("name").as_str())
        .collect();
    let lookup =
        Regex::new(r#"\battrs?\(\s*[^;]*?(?:\[([^\]]*)\]|,\s*("[a-z-]+")\s*\))"#).expect("regex");
    let name = Regex::new(r#""([a-z-]+)""#).expect("regex");
    let mut read = BTreeSet::new();
    for file in sources(&src()) {
        let text = std::fs::read_to_string(&file).expect("source is readable");
        for call in lookup.captures_iter(&code_of(&text)) {
            let names = call.get(1).or_else(|| call.get(2)).expect("names");
            for n in name.captures_iter(names.as_str()) {
                read.insert(n.get(1).expect("name").as_str().to_owned());
            }
        }
    }
    assert!(
        read.contains("href") && read.contains("itemtype"),
        "{read:?}"
    );
    let lost: Vec<&String> = read.iter().filter(|n| !kept.contains(n.as_str())).collect();
    assert!(lost.is_empty(), "read but cut before parsing: {lost:?}");
}
