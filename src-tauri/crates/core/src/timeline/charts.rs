//! Chart data: participation level over time, and outcomes by participation level — "does
//! involving citizens earlier go with better outcomes, here?".

use serde::Serialize;
use ts_rs::TS;

/// The mean participation level of the attempts in one month.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LevelPoint {
    /// `YYYY-MM`.
    pub month: String,
    pub mean_level: f64,
    pub attempts: u32,
}

/// How attempts at one participation level turned out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct OutcomesAtLevel {
    pub level: u8,
    pub failed: u32,
    pub partly: u32,
    pub succeeded: u32,
    pub too_early: u32,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ChartData {
    pub level_over_time: Vec<LevelPoint>,
    /// Levels 0–4, always five rows.
    pub outcomes_by_level: Vec<OutcomesAtLevel>,
}
