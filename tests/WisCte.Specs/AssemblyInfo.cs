using NUnit.Framework;

// Scenarios share nothing (state is injected per scenario), so they may run side by side.
[assembly: Parallelizable(ParallelScope.All)]
