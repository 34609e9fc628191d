// Prints the plain closing line CI reads ("N passed, N failed, N skipped")
// as the very last line of the run, after jest's own summary (which jest
// writes after every reporter has finished), so a run is judged by its counts
// and not only by its exit code.
class SummaryReporter {
  onRunComplete(_contexts, results) {
    const skipped = results.numPendingTests + results.numTodoTests;
    const failed = results.numFailedTests + results.numRuntimeErrorTestSuites;
    const line = `\n${results.numPassedTests} passed, ${failed} failed, ${skipped} skipped\n`;
    process.once('exit', () => process.stderr.write(line));
  }
}
module.exports = SummaryReporter;
