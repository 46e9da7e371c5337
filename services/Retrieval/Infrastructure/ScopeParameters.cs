using Npgsql;
using NpgsqlTypes;
using SecureRag.Retrieval.Domain.Access;
using SecureRag.Retrieval.Domain.Ranking;

namespace SecureRag.Retrieval.Infrastructure;

/// <summary>The parameters of <see cref="PermittedSql"/>.</summary>
internal static class ScopeParameters
{
    public static void AddTo(NpgsqlCommand command, SearchScope scope, SearchFilter filter)
    {
        var p = command.Parameters;
        p.Add(new NpgsqlParameter<string>("tenant", scope.TenantId));
        p.Add(new NpgsqlParameter<string[]>("keys", scope.PrincipalKeys));
        p.Add(new NpgsqlParameter<short[]>("classes", scope.Classifications));
        p.Add(new NpgsqlParameter<bool>("restricted", scope.RestrictedAllowed));
        p.Add(new NpgsqlParameter<bool>("all_kbs", scope.AllKnowledgeBases));
        p.Add(new NpgsqlParameter<string[]>("bound_ids", scope.BoundKnowledgeBaseIds));
        p.Add(new NpgsqlParameter<string[]>("bound_names", scope.BoundKnowledgeBaseNames));
        p.Add(new NpgsqlParameter<string[]>("f_kbs", filter.KnowledgeBaseIds));
        p.Add(new NpgsqlParameter<string[]>("f_docs", filter.DocumentIds));
        p.Add(new NpgsqlParameter<string[]>("f_sources", filter.Sources));
        p.Add(new NpgsqlParameter<string[]>("f_tags", filter.Tags));
        p.Add(Timestamp("f_from", filter.EffectiveFrom));
        p.Add(Timestamp("f_to", filter.EffectiveTo));
    }

    private static NpgsqlParameter Timestamp(string name, DateTimeOffset? value) =>
        new(name, NpgsqlDbType.TimestampTz) { Value = value is { } v ? v.UtcDateTime : DBNull.Value };
}
