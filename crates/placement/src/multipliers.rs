//! Subgradient steps on the Lagrange multipliers, with Polyak's step length.
//!
//! The subgradient of L at λ is gₕ = 1 − Σₘ xₕₘ: a household packed nowhere gets a lower
//! multiplier (it becomes more attractive), one packed twice a higher one. The step length is
//! μ·(L(λ) − best objective)/‖g‖²; μ is halved whenever the bound has not improved for a
//! while, and the search restarts from the best multipliers.

pub(crate) struct Subgradient {
    pub multipliers: Vec<f64>,
    pub best_multipliers: Vec<f64>,
    pub best_bound: f64,
    pub scale: f64,
    stalled: u32,
    patience: u32,
    direction: Vec<f64>,
}

/// Below this step scale the multipliers no longer move the bound.
pub(crate) const MIN_SCALE: f64 = 1e-4;

impl Subgradient {
    pub fn new(multipliers: Vec<f64>, patience: u32) -> Self {
        Self {
            best_multipliers: multipliers.clone(),
            direction: vec![0.0; multipliers.len()],
            multipliers,
            best_bound: f64::INFINITY,
            scale: 1.0,
            stalled: 0,
            patience,
        }
    }

    /// Records the bound at the current multipliers, keeping the best; after `patience`
    /// records without a better one, halves the step scale and returns to the best multipliers.
    pub fn record(&mut self, bound: f64) {
        if bound < self.best_bound - 1e-12 * bound.abs() {
            self.best_bound = bound;
            self.best_multipliers.copy_from_slice(&self.multipliers);
            self.stalled = 0;
        } else {
            self.stalled += 1;
            if self.stalled >= self.patience {
                self.scale /= 2.0;
                self.stalled = 0;
                self.multipliers.copy_from_slice(&self.best_multipliers);
            }
        }
    }

    /// Moves the multipliers along the projected subgradient. Returns false when the
    /// subgradient vanishes (the relaxed solution places every household at most once and
    /// every positive multiplier's household exactly once: the bound cannot improve).
    pub fn step(&mut self, load: &[f64], value: f64, target: f64) -> bool {
        let mut norm = 0.0;
        for ((direction, &multiplier), &load) in
            self.direction.iter_mut().zip(&self.multipliers).zip(load)
        {
            let gradient = 1.0 - load;
            *direction = if multiplier <= 0.0 && gradient > 0.0 {
                0.0
            } else {
                gradient
            };
            norm += *direction * *direction;
        }
        if norm == 0.0 {
            return false;
        }
        let length = self.scale * (value - target).max(1e-12 * value.abs()) / norm;
        for (multiplier, direction) in self.multipliers.iter_mut().zip(&self.direction) {
            *multiplier = (*multiplier - length * direction).max(0.0);
        }
        true
    }
}
