//! A full disk, for real: a small file system (tmpfs, mounted in a private mount namespace)
//! filled to its last byte. Every command that must write says the disk is full and what to
//! do, nothing already saved is lost, a first run leaves nothing behind, and once space is
//! freed everything works again.
//!
//! The test re-runs itself inside `unshare --user --map-root-user --mount`, where it may mount.
//! Where the system allows no such namespace (some hardened desktops), it says so and, under
//! CI (`CI` set), fails: CI must run it.

use super::*;
use crate::namespace::{fill, mount, rerun_inside};

const INNER: &str = "EFTERTANKE_FULL_DISK_INNER";

#[test]
fn a_full_disk_is_named_in_every_path_and_nothing_saved_is_lost() {
    if let Some(mount_point) = std::env::var_os(INNER) {
        return inside_a_small_file_system(Path::new(&mount_point));
    }
    let scratch = tempfile::tempdir().unwrap();
    let mount_point = scratch.path().join("small");
    std::fs::create_dir(&mount_point).unwrap();
    rerun_inside(
        "journal_life::disk_full::a_full_disk_is_named_in_every_path_and_nothing_saved_is_lost",
        INNER,
        &mount_point,
        "the full-disk test",
    );
}

fn inside_a_small_file_system(mount_point: &Path) {
    mount(mount_point, &["-t", "tmpfs", "-o", "size=4m", "eftertanke-full-disk"]);
    let dir = mount_point.join("journal");
    let ids: Vec<String> = (0..5)
        .map(|n| add(&dir, &format!("Saved before the disk filled {n}")))
        .collect();
    assert!(run(&dir, &["backup"]).status.success());

    let filler = mount_point.join("filler");
    fill(&filler);

    let full_message = |out: &Output, what: &str| {
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(74), "{what}: {stderr}");
        assert!(stderr.contains("is full"), "{what} names the full disk: {stderr}");
        assert!(stderr.contains("Free some space"), "{what} says what to do: {stderr}");
        assert!(!stderr.contains("unexpected"), "{what}: {stderr}");
        assert!(
            !stderr.contains("draft"),
            "{what}: the CLI has no drafts to promise: {stderr}"
        );
    };
    let added = run(
        &dir,
        &["add", "--title", "Written to a full disk", "--outcome", "partly"],
    );
    full_message(&added, "add");
    let backed_up = run(&dir, &["backup"]);
    full_message(&backed_up, "backup");
    let leftovers: Vec<_> = std::fs::read_dir(dir.join("backups"))
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("partial"))
        .collect();
    assert_eq!(
        leftovers,
        Vec::<String>::new(),
        "a failed backup leaves no partial copy"
    );

    // A first run on the full disk: refused, and nothing half made is left.
    let fresh = mount_point.join("fresh");
    let first = run(&fresh, &["add", "--title", "x", "--outcome", "partly"]);
    full_message(&first, "a first run");
    let left: Vec<_> = std::fs::read_dir(&fresh)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        left.iter().all(|n| n.starts_with("eftertanke.lock")),
        "only the lock files may remain: {left:?}"
    );

    // Space freed: everything saved is there, and saving works again.
    std::fs::remove_file(&filler).unwrap();
    let listed = listed(&dir).unwrap();
    for id in &ids {
        assert!(listed.contains(id), "{id} survived the full disk");
    }
    assert_eq!(listed.len(), ids.len(), "the refused add wrote nothing");
    add(&dir, "Saved once space was freed");
    assert!(run(&dir, &["backup"]).status.success());
}
