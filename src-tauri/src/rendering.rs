//! How the window is drawn on Linux. WebKitGTK draws through the GPU when it may; on a machine
//! with no GPU to draw with (a virtual desktop, a remote session, a PC without graphics
//! drivers) that "GPU" is Mesa's software emulation of one, and every frame then costs tens of
//! milliseconds more than WebKit's own drawing on the processor: measured under Xvfb, results
//! that reached the page in 5 ms showed 30–200 ms later. So where there is no GPU, the window
//! draws on the processor. A person who has set WebKit's own variable keeps their choice.

#![cfg_attr(not(target_os = "linux"), allow(dead_code))]

use std::path::Path;

/// The variable a person sets to choose WebKitGTK's renderer themselves.
const WEBKIT_CHOICE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";

/// Whether to draw on the processor: no GPU render node in `dri` (`/dev/dri`) and no choice of
/// the person's own.
pub fn draw_on_processor(dri: &Path, chosen: bool) -> bool {
    if chosen {
        return false;
    }
    let gpu = std::fs::read_dir(dri)
        .map(|nodes| {
            nodes
                .flatten()
                .any(|n| n.file_name().to_string_lossy().starts_with("renderD"))
        })
        .unwrap_or(false);
    !gpu
}

/// Sets the main window's drawing as [`draw_on_processor`] decides, for this machine.
#[cfg(target_os = "linux")]
pub fn choose(app: &tauri::AppHandle) {
    use tauri::Manager;
    use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
    if !draw_on_processor(Path::new("/dev/dri"), std::env::var_os(WEBKIT_CHOICE).is_some()) {
        return;
    }
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.with_webview(|webview| {
            if let Some(settings) = WebViewExt::settings(&webview.inner()) {
                settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
            }
        });
    }
}

/// Elsewhere the system's webview draws as it knows best.
#[cfg(not(target_os = "linux"))]
pub fn choose(_app: &tauri::AppHandle) {}

#[cfg(test)]
mod tests {
    use super::draw_on_processor;

    #[test]
    fn the_processor_draws_where_there_is_no_gpu_and_no_choice_of_the_persons() {
        let dri = tempfile::tempdir().unwrap();
        assert!(
            draw_on_processor(&dri.path().join("not-there"), false),
            "no /dev/dri at all"
        );
        assert!(draw_on_processor(dri.path(), false), "an empty /dev/dri");
        std::fs::write(dri.path().join("card0"), "").unwrap();
        assert!(
            draw_on_processor(dri.path(), false),
            "a display card alone renders nothing"
        );
        std::fs::write(dri.path().join("renderD128"), "").unwrap();
        assert!(!draw_on_processor(dri.path(), false), "a render node: the GPU draws");
        assert!(
            !draw_on_processor(&dri.path().join("not-there"), true),
            "the person's choice stands"
        );
    }
}
