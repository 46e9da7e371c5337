using SecureRag.Contracts.Retrieval;

namespace SecureRag.Retrieval.Tests;

internal static class Scopes
{
    public static AppScope Internal(string app = "app") => new() { AppId = app, Audience = Audience.Internal, AllKnowledgeBases = true };
}
