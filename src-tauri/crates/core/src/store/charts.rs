//! Chart queries: aggregates over entries with a participation level, for one initiative or all.
//! Run when the charts are opened, never at start-up.

use super::Store;
use crate::error::Result;
use crate::id::InitiativeId;
use crate::timeline::charts::{ChartData, LevelPoint, OutcomesAtLevel};

impl Store {
    pub fn chart_data(&self, initiative: Option<InitiativeId>) -> Result<ChartData> {
        let level_over_time = self
            .conn
            .prepare_cached(
                "SELECT substr(occurred_on, 1, 7), avg(participation_level), count(*) FROM entries \
                 WHERE deleted_at IS NULL AND participation_level IS NOT NULL AND (?1 IS NULL OR initiative_id = ?1) \
                 GROUP BY 1 ORDER BY 1",
            )
            .and_then(|mut s| {
                s.query_map([initiative], |r| {
                    Ok(LevelPoint {
                        month: r.get(0)?,
                        mean_level: r.get(1)?,
                        attempts: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<Vec<_>>>()
            })
            .map_err(|e| self.fail(e))?;
        let mut outcomes_by_level: Vec<OutcomesAtLevel> = (0..=4)
            .map(|level| OutcomesAtLevel {
                level,
                ..Default::default()
            })
            .collect();
        self.conn
            .prepare_cached(
                "SELECT participation_level, outcome, count(*) FROM entries \
                 WHERE deleted_at IS NULL AND participation_level IS NOT NULL AND (?1 IS NULL OR initiative_id = ?1) \
                 GROUP BY 1, 2",
            )
            .and_then(|mut s| {
                let mut rows = s.query([initiative])?;
                while let Some(r) = rows.next()? {
                    let (level, outcome, n): (u8, String, u32) = (r.get(0)?, r.get(1)?, r.get(2)?);
                    if let Some(row) = outcomes_by_level.get_mut(level as usize) {
                        match outcome.as_str() {
                            "failed" => row.failed = n,
                            "partly" => row.partly = n,
                            "succeeded" => row.succeeded = n,
                            _ => row.too_early = n,
                        }
                    }
                }
                Ok(())
            })
            .map_err(|e| self.fail(e))?;
        Ok(ChartData {
            level_over_time,
            outcomes_by_level,
        })
    }
}
