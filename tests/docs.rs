//! Issue 13: every rule the code and documentation cite (A-1 … J-9) is explained in
//! `docs/requirements.md`, which the package ships and the crate's docs include (`rules`).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().map_or(false, |e| e == "rs" || e == "md") {
            out.push(path);
        }
    }
}

/// Rule IDs in `text`: a letter of A, B, C, G, H, J, R, W, a hyphen, a number.
fn cited(text: &str) -> BTreeSet<String> {
    let b = text.as_bytes();
    let mut ids = BTreeSet::new();
    for (i, w) in b.windows(2).enumerate() {
        let boundary = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if boundary && b"ABCGHJRW".contains(&w[0]) && w[1] == b'-' {
            let digits: String = text[i + 2..].chars().take_while(char::is_ascii_digit).collect();
            let after = text[i + 2 + digits.len()..].chars().next();
            if !digits.is_empty() && !after.map_or(false, |c| c.is_ascii_alphanumeric()) {
                ids.insert(format!("{}-{digits}", w[0] as char));
            }
        }
    }
    ids
}

#[test]
fn every_rule_cited_is_explained() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rules = std::fs::read_to_string(root.join("docs/requirements.md")).unwrap();
    let defined: BTreeSet<String> = rules
        .lines()
        .filter_map(|l| l.strip_prefix("| "))
        .filter_map(|l| l.split(' ').next())
        .flat_map(cited)
        .collect();
    let mut paths = vec![root.join("README.md")];
    files(&root.join("src"), &mut paths);
    files(&root.join("docs"), &mut paths);
    let mut checked = 0;
    for path in paths {
        for id in cited(&std::fs::read_to_string(&path).unwrap()) {
            assert!(
                defined.contains(&id),
                "{} cites {id}, which docs/requirements.md does not explain",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 100, "{checked}");
    // Every rule of the spec is there: A-1 … A-5, B-1 … B-10, C-1 … C-3, W-1 … W-24,
    // R-1 … R-15, G-1 … G-4, H-1 … H-6, and the gaps J-1 … J-9.
    for (letter, n) in [('A', 5), ('B', 10), ('C', 3), ('W', 24), ('R', 15), ('G', 4), ('H', 6), ('J', 9)] {
        for i in 1..=n {
            assert!(defined.contains(&format!("{letter}-{i}")), "{letter}-{i}");
        }
    }
    assert_eq!(defined.len(), 76);
}
