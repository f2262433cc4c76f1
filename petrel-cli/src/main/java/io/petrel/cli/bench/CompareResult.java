package io.petrel.cli.bench;

/**
 * One broker's outcome for one row.
 *
 * @param figure the compared figure, in the row kind's unit
 * @param cpuMicrosPerMessage broker CPU time per delivered message, or NaN where no messages flow
 * @param result the run's full result
 */
record CompareResult(double figure, double cpuMicrosPerMessage, BenchResult result) {
}
