namespace SecureRag.Ingestion.Domain.Parsing;

/// <summary>The structural units the chunker keeps whole where they fit.</summary>
public enum BlockKind
{
    Heading,
    Paragraph,

    /// <summary>List items (or a JSON record's lines): <see cref="Block.Rows"/> holds one entry each.</summary>
    List,

    /// <summary><see cref="Block.Header"/> is the header row, repeated in every chunk a long table is split into.</summary>
    Table,

    Code,
}
