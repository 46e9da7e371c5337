using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace SecureRag.Inference.Tests.Fakes;

/// <summary>Stands in for the PostgreSQL key ring table; shared between "restarts" to show keys survive them.</summary>
public sealed class InMemoryXmlRepository : IXmlRepository
{
    public ConcurrentQueue<XElement> Elements { get; } = new();

    public IReadOnlyCollection<XElement> GetAllElements() => [.. Elements.Select(e => new XElement(e))];

    public void StoreElement(XElement element, string friendlyName) => Elements.Enqueue(new XElement(element));
}
