using NUnit.Framework;

// Each test starts its own simulator: they run side by side.
[assembly: Parallelizable(ParallelScope.All)]
