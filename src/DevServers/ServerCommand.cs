namespace ArPlatform.DevServers;

/// <summary>A program and its arguments, run in the foreground.</summary>
public sealed record ServerCommand(string FileName, IReadOnlyList<string> Arguments);
