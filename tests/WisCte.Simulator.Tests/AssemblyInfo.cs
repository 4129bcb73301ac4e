using NUnit.Framework;

// Each test class starts its own simulator on its own port: they run side by side.
[assembly: Parallelizable(ParallelScope.Fixtures)]
