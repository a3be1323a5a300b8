//! A feasible placement under construction, with an undo journal for tentative moves, and the
//! cheap ways to build one: the greedy baseline and the repair of a Lagrangian solution.

use crate::model::Model;

/// Marks a household that is not placed.
pub(crate) const NOWHERE: u32 = u32::MAX;

#[derive(Clone)]
pub(crate) struct Placement {
    /// Municipality of each household, or [`NOWHERE`].
    pub at: Vec<u32>,
    /// Persons each municipality can still take.
    pub room: Vec<u32>,
    /// Score of each household's placement (0 when unplaced).
    pub gain: Vec<f64>,
    /// Households placed in each municipality.
    pub members: Vec<Vec<u32>>,
    /// Change in value since the last [`Placement::mark`].
    pub change: f64,
    /// `(household, municipality, gain)` before each change since the last mark.
    journal: Vec<(u32, u32, f64)>,
    /// Municipalities whose members changed, for whoever wants to know (cleared by them).
    pub touched: Vec<u32>,
}

impl Placement {
    pub fn empty(model: &Model) -> Self {
        Self {
            at: vec![NOWHERE; model.households()],
            room: model.capacities.clone(),
            gain: vec![0.0; model.households()],
            members: vec![Vec::new(); model.municipalities()],
            change: 0.0,
            journal: Vec::new(),
            touched: Vec::new(),
        }
    }

    /// Sum of the chosen scores, in household order.
    pub fn value(&self) -> f64 {
        self.gain.iter().sum()
    }

    pub fn place(&mut self, model: &Model, household: usize, municipality: u32, score: f64) {
        debug_assert_eq!(self.at[household], NOWHERE);
        self.journal.push((household as u32, NOWHERE, 0.0));
        self.touched.push(municipality);
        self.room[municipality as usize] -= model.sizes[household];
        self.members[municipality as usize].push(household as u32);
        self.at[household] = municipality;
        self.gain[household] = score;
        self.change += score;
    }

    pub fn remove(&mut self, model: &Model, household: usize) {
        let municipality = self.at[household];
        if municipality == NOWHERE {
            return;
        }
        self.journal
            .push((household as u32, municipality, self.gain[household]));
        self.touched.push(municipality);
        let members = &mut self.members[municipality as usize];
        let position = members
            .iter()
            .position(|&h| h as usize == household)
            .expect("a placed household is a member");
        members.swap_remove(position);
        self.room[municipality as usize] += model.sizes[household];
        self.change -= self.gain[household];
        self.at[household] = NOWHERE;
        self.gain[household] = 0.0;
    }

    pub fn move_to(&mut self, model: &Model, household: usize, municipality: u32, score: f64) {
        self.remove(model, household);
        self.place(model, household, municipality, score);
    }

    /// Starts a tentative sequence of changes.
    pub fn mark(&mut self) {
        self.journal.clear();
        self.change = 0.0;
    }

    /// Reverts every change since the last mark.
    pub fn undo(&mut self, model: &Model) {
        let journal = std::mem::take(&mut self.journal);
        for &(household, municipality, gain) in journal.iter().rev() {
            let household = household as usize;
            self.remove(model, household);
            if municipality != NOWHERE {
                self.place(model, household, municipality, gain);
            }
        }
        self.mark();
    }

    /// The best municipality other than `except` with room for the household, and its score.
    pub fn best_room(&self, model: &Model, household: usize, except: u32) -> Option<(u32, f64)> {
        let size = model.sizes[household];
        model.options[household]
            .iter()
            .find(|c| c.municipality != except && self.room[c.municipality as usize] >= size)
            .map(|c| (c.municipality, c.score))
    }

    /// Places each listed unplaced household, in order, in its best municipality with room.
    pub fn fill(&mut self, model: &Model, households: &[u32]) {
        for &household in households {
            let household = household as usize;
            if self.at[household] != NOWHERE {
                continue;
            }
            if let Some((municipality, score)) = self.best_room(model, household, NOWHERE) {
                self.place(model, household, municipality, score);
            }
        }
    }
}

/// Households by descending best score (ties by index): the order in which greedy filling
/// considers them.
pub(crate) fn fill_order(model: &Model) -> Vec<u32> {
    let mut order: Vec<u32> = (0..model.households() as u32).collect();
    let best = |h: u32| model.options[h as usize].first().map_or(0.0, |c| c.score);
    order.sort_by(|&a, &b| best(b).total_cmp(&best(a)).then(a.cmp(&b)));
    order
}

/// The greedy baseline: all usable pairs by descending score, each taken while the household is
/// unplaced and the municipality has room.
pub(crate) fn greedy(model: &Model) -> Placement {
    let mut pairs: Vec<(f64, u32, u32)> = model
        .options
        .iter()
        .enumerate()
        .flat_map(|(household, options)| {
            options
                .iter()
                .map(move |choice| (choice.score, household as u32, choice.municipality))
        })
        .collect();
    pairs.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut placement = Placement::empty(model);
    for (score, household, municipality) in pairs {
        let household = household as usize;
        if placement.at[household] == NOWHERE
            && placement.room[municipality as usize] >= model.sizes[household]
        {
            placement.place(model, household, municipality, score);
        }
    }
    placement.mark();
    placement
}

/// Turns a Lagrangian solution (households possibly packed in several municipalities, or in
/// none; `picks` holds candidate positions per municipality) into a placement: each household
/// keeps its best-scoring packing, then the rest are filled in greedily.
pub(crate) fn repair(model: &Model, picks: &[Vec<u32>], order: &[u32]) -> Placement {
    let mut placement = Placement::empty(model);
    for (municipality, positions) in picks.iter().enumerate() {
        for &position in positions {
            let candidate = model.candidates[municipality][position as usize];
            let household = candidate.household as usize;
            if placement.at[household] == NOWHERE {
                placement.place(model, household, municipality as u32, candidate.score);
            } else if candidate.score > placement.gain[household] {
                placement.move_to(model, household, municipality as u32, candidate.score);
            }
        }
    }
    placement.fill(model, order);
    placement.mark();
    placement
}
