//! A Lagrangian primal heuristic: municipalities in turn take their best packing of the
//! households still free, valued at score less multiplier (the multiplier being what the
//! household is worth elsewhere); what is left is filled greedily.

use crate::model::Model;
use crate::packing::Packing;
use crate::placement::{NOWHERE, Placement};

#[derive(Default)]
pub(crate) struct Sequential {
    packing: Packing,
}

impl Sequential {
    /// Builds a placement visiting the municipalities in the order given.
    pub fn build(
        &mut self,
        model: &Model,
        multipliers: &[f64],
        visit: &[u32],
        order: &[u32],
    ) -> Placement {
        let mut placement = Placement::empty(model);
        for &municipality in visit {
            self.pack(model, &mut placement, multipliers, municipality as usize);
        }
        placement.fill(model, order);
        placement.mark();
        placement
    }

    fn pack(
        &mut self,
        model: &Model,
        placement: &mut Placement,
        multipliers: &[f64],
        municipality: usize,
    ) {
        let candidates = &model.candidates[municipality];
        let room = placement.room[municipality];
        self.packing.pack(model, municipality, room, |candidate| {
            let household = candidate.household as usize;
            if placement.at[household] == NOWHERE && model.sizes[household] <= room {
                candidate.score - multipliers[household]
            } else {
                0.0
            }
        });
        for &(position, fraction) in &self.packing.chosen {
            if fraction >= 1.0 {
                let candidate = candidates[position as usize];
                placement.place(
                    model,
                    candidate.household as usize,
                    municipality as u32,
                    candidate.score,
                );
            }
        }
    }

    /// Refills the listed (emptied) municipalities of `placement` in the order given, from the
    /// households not placed.
    pub fn refill(
        &mut self,
        model: &Model,
        placement: &mut Placement,
        multipliers: &[f64],
        visit: &[u32],
    ) {
        for &municipality in visit {
            self.pack(model, placement, multipliers, municipality as usize);
        }
    }
}
