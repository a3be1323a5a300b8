"""Exact MILP reference for the placement benchmark, with HiGHS through highspy.

Usage: python3 highs_reference.py INSTANCE.json TIME_LIMIT_SECONDS

The instance is {"capacities": [..], "sizes": [..], "pairs": [[household, municipality, score], ..]}.
Prints `key value` lines: lp_bound, lp_seconds, objective, bound, seconds (wall), cpu_seconds
(process CPU, all threads), status, and cpu_to_gap_<g>: process CPU seconds until the proven gap
(bound − objective) / |bound| first fell to g.
"""

import json
import sys
import time

import numpy as np
import highspy

GAPS = (0.005, 0.0025, 0.001)


def build(data):
    capacities = data["capacities"]
    sizes = data["sizes"]
    pairs = data["pairs"]
    households, municipalities, count = len(sizes), len(capacities), len(pairs)
    lp = highspy.HighsLp()
    lp.num_col_ = count
    lp.num_row_ = households + municipalities
    lp.sense_ = highspy.ObjSense.kMaximize
    lp.col_cost_ = np.array([p[2] for p in pairs], dtype=np.float64)
    lp.col_lower_ = np.zeros(count)
    lp.col_upper_ = np.ones(count)
    lp.row_lower_ = np.full(households + municipalities, -highspy.kHighsInf)
    lp.row_upper_ = np.array([1.0] * households + [float(c) for c in capacities])
    # Column j has a 1 in its household's row and the household's size in its municipality's row.
    index = np.empty(2 * count, dtype=np.int32)
    value = np.empty(2 * count, dtype=np.float64)
    for j, (h, m, _score) in enumerate(pairs):
        index[2 * j] = h
        index[2 * j + 1] = households + m
        value[2 * j] = 1.0
        value[2 * j + 1] = float(sizes[h])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.arange(0, 2 * count + 1, 2, dtype=np.int32)
    lp.a_matrix_.index_ = index
    lp.a_matrix_.value_ = value
    lp.a_matrix_.num_col_ = count
    lp.a_matrix_.num_row_ = households + municipalities
    return lp


def solve_lp(lp):
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.passModel(lp)
    started = time.perf_counter()
    highs.run()
    return highs.getInfo().objective_function_value, time.perf_counter() - started


def solve_mip(lp, time_limit):
    lp.integrality_ = [highspy.HighsVarType.kInteger] * lp.num_col_
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("time_limit", float(time_limit))
    highs.setOptionValue("mip_rel_gap", 1e-6)
    highs.passModel(lp)
    reached = {}
    started = time.perf_counter()
    cpu_started = time.process_time()

    def watch(event):
        out = event.data_out
        objective, bound = out.mip_primal_bound, out.mip_dual_bound
        if not (np.isfinite(objective) and np.isfinite(bound)):
            return
        gap = (bound - objective) / max(abs(bound), 1e-9)
        for target in GAPS:
            if gap <= target and target not in reached:
                reached[target] = time.process_time() - cpu_started

    highs.cbMipInterrupt.subscribe(watch)
    highs.cbMipImprovingSolution.subscribe(watch)
    highs.run()
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    info = highs.getInfo()
    objective, bound = info.objective_function_value, info.mip_dual_bound
    status = highs.modelStatusToString(highs.getModelStatus()).replace(" ", "_")
    gap = (bound - objective) / max(abs(bound), 1e-9)
    for target in GAPS:
        if gap <= target and target not in reached:
            reached[target] = cpu_seconds
    return objective, bound, seconds, cpu_seconds, status, reached


def main():
    path, time_limit = sys.argv[1], float(sys.argv[2])
    with open(path, encoding="utf-8") as file:
        data = json.load(file)
    lp = build(data)
    lp_bound, lp_seconds = solve_lp(lp)
    objective, bound, seconds, cpu_seconds, status, reached = solve_mip(lp, time_limit)
    print(f"lp_bound {lp_bound!r}")
    print(f"lp_seconds {lp_seconds!r}")
    print(f"objective {objective!r}")
    print(f"bound {bound!r}")
    print(f"seconds {seconds!r}")
    print(f"cpu_seconds {cpu_seconds!r}")
    print(f"status {status}")
    for target in GAPS:
        if target in reached:
            print(f"cpu_to_gap_{target} {reached[target]!r}")


if __name__ == "__main__":
    main()
