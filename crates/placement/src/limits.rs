//! Size limits on an instance, so that a request can never exhaust the server.
//!
//! The solver's memory is linear in the scored pairs (about 40 bytes each), plus a score table
//! of at most 32 MB and one knapsack table bounded by [`MAX_KNAPSACK_CELLS`]: a random instance
//! at these limits (20,000 × 2,000, 1.95 million pairs) peaked at 185 MB, the instance
//! included. Time is bounded by the caller's time limit (see [`crate::solve`]).

/// Most households in one instance.
pub const MAX_HOUSEHOLDS: usize = 20_000;
/// Most municipalities in one instance.
pub const MAX_MUNICIPALITIES: usize = 2_000;
/// Most scored (allowed) household–municipality pairs in one instance.
pub const MAX_SCORED_PAIRS: usize = 2_000_000;
/// Largest household, in persons.
pub const MAX_HOUSEHOLD_SIZE: u32 = 100;
/// Largest capacity of one municipality, in persons.
pub const MAX_CAPACITY: u32 = 1_000_000;
/// Longest household or municipality id, in bytes.
pub const MAX_ID_LENGTH: usize = 64;
/// Longest time limit a request may ask for, in milliseconds.
pub const MAX_TIME_LIMIT_MS: u64 = 120_000;
/// Largest exact knapsack table (items × capacity) per municipality; past it the solver bounds
/// that municipality by the knapsack's LP relaxation instead, which is still a proven bound,
/// only weaker. Realistic instances (capacities in the hundreds) never come near it.
pub const MAX_KNAPSACK_CELLS: usize = 1 << 24;
