using System.Text;

namespace Lstm.Training.Data;

/// <summary>
/// Splits text into records of fields. Records end at a line break (CRLF, LF or CR); blank lines are skipped.
/// With quoting (CSV, RFC 4180) a field that starts with '"' runs to the next lone '"', may hold delimiters and
/// line breaks, and writes a quote as '""'; a '"' inside an unquoted field is kept as it is. Without quoting
/// (TSV) every character is literal.
/// </summary>
internal sealed class DelimitedTextReader(string text, char delimiter, bool quoting, string fileName)
{
    private readonly StringBuilder _field = new();
    private int _position;
    private int _line = 1;

    /// <summary>Reads the next record into <paramref name="fields"/>; false at the end of the text.</summary>
    /// <param name="fields">Cleared, then filled with the record's fields.</param>
    /// <param name="line">The 1-based line the record starts on.</param>
    public bool TryRead(List<string> fields, out int line)
    {
        fields.Clear();
        while (_position < text.Length && text[_position] is '\r' or '\n') ConsumeLineBreak();
        line = _line;
        if (_position >= text.Length) return false;

        while (true)
        {
            if (quoting && text[_position] == '"') ReadQuotedField(fields);
            else ReadPlainField(fields);

            if (_position >= text.Length) return true;
            char next = text[_position];
            if (next == delimiter)
            {
                _position++;
                if (_position >= text.Length || text[_position] is '\r' or '\n') fields.Add(string.Empty);
                else continue;
            }
            else if (next is not ('\r' or '\n'))
            {
                throw new InvalidDataException(
                    $"{fileName} line {_line}, column {fields.Count}: expected '{Show(delimiter)}' or the end of the line after the closing quote, found '{next}'.");
            }
            if (_position < text.Length) ConsumeLineBreak();
            return true;
        }
    }

    private void ReadPlainField(List<string> fields)
    {
        int start = _position;
        while (_position < text.Length && text[_position] != delimiter && text[_position] is not ('\r' or '\n')) _position++;
        fields.Add(text[start.._position]);
    }

    private void ReadQuotedField(List<string> fields)
    {
        int startLine = _line;
        _field.Clear();
        _position++;
        while (true)
        {
            if (_position >= text.Length)
                throw new InvalidDataException($"{fileName} line {startLine}, column {fields.Count + 1}: the quoted field that starts here is never closed (expected a closing '\"').");
            char c = text[_position++];
            if (c == '"')
            {
                if (_position < text.Length && text[_position] == '"')
                {
                    _field.Append('"');
                    _position++;
                    continue;
                }
                fields.Add(_field.ToString());
                return;
            }
            if (c == '\n' || (c == '\r' && (_position >= text.Length || text[_position] != '\n'))) _line++;
            _field.Append(c);
        }
    }

    private void ConsumeLineBreak()
    {
        if (text[_position] == '\r' && _position + 1 < text.Length && text[_position + 1] == '\n') _position++;
        _position++;
        _line++;
    }

    private static string Show(char c) => c == '\t' ? "\\t" : c.ToString();
}
