using System.Xml.Linq;
using Dapper;
using Microsoft.AspNetCore.DataProtection.Repositories;
using SecureRag.ServiceDefaults.Data;

namespace SecureRag.Inference.Infrastructure;

/// <summary>
/// Keeps the Data Protection key ring in the service's schema, so every replica shares it. The interface is
/// synchronous; Data Protection calls it rarely (start-up, key rotation) and caches the ring.
/// </summary>
public sealed class PostgresXmlRepository(ServiceDatabase database) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = database.DataSource.OpenConnection();
        return [.. connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(x => XElement.Parse(x))];
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = database.DataSource.OpenConnection();
        connection.Execute(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@FriendlyName, @Xml)",
            new { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
    }
}
