package dev.kept.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import dev.kept.model.Finding;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** How {@code kept check} prints its findings: for people, for GitHub, or for other tools. */
enum FindingFormat {
  /** {@code path:line:column: error: message}, then the hint indented on the next line. */
  TEXT {
    @Override
    String format(List<Finding> findings) {
      StringBuilder out = new StringBuilder();
      for (Finding f : findings) {
        out.append(f).append('\n');
      }
      return out.toString();
    }
  },
  /**
   * GitHub Actions workflow commands, one per finding, so each appears on the pull request's line:
   * {@code ::error file=...,line=...,col=...,title=...::message}.
   */
  GITHUB {
    @Override
    String format(List<Finding> findings) {
      StringBuilder out = new StringBuilder();
      for (Finding f : findings) {
        out.append("::").append(f.severity().word());
        out.append(" file=").append(property(f.pos().file()));
        if (f.pos().line() > 0) {
          out.append(",line=").append(f.pos().line());
          out.append(",col=").append(Math.max(1, f.pos().column()));
        }
        out.append(",title=").append(property("Kept " + f.rule().map(r -> r + " ").orElse("") + f.severity().word()));
        String message = f.message() + f.hint().map(h -> "\n" + h).orElse("");
        out.append("::").append(data(message)).append('\n');
      }
      return out.toString();
    }
  },
  /** A JSON array of findings, each with file, line, column, severity, message, hint and rule. */
  JSON {
    @Override
    String format(List<Finding> findings) {
      StringWriter w = new StringWriter();
      try (JsonGenerator g = new JsonFactory().createGenerator(w)) {
        g.setPrettyPrinter(
            new DefaultPrettyPrinter()
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n")));
        g.setCharacterEscapes(new Escapes());
        g.writeStartArray();
        for (Finding f : findings) {
          g.writeStartObject();
          g.writeStringField("file", f.pos().file());
          g.writeNumberField("line", f.pos().line());
          g.writeNumberField("column", f.pos().column());
          g.writeStringField("severity", f.severity().word());
          g.writeStringField("message", f.message());
          if (f.hint().isPresent()) {
            g.writeStringField("hint", f.hint().get());
          } else {
            g.writeNullField("hint");
          }
          if (f.rule().isPresent()) {
            g.writeStringField("rule", f.rule().get());
          } else {
            g.writeNullField("rule");
          }
          g.writeEndObject();
        }
        g.writeEndArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return w + "\n";
    }
  };

  abstract String format(List<Finding> findings);

  /**
   * Escapes a workflow command's message: its line breaks as GitHub reads them, and every other
   * control or bidirectional character as {@link Finding#visible} shows it, so that neither the
   * terminal of whoever reads the log nor GitHub's parser is steered by text from a file.
   */
  static String data(String s) {
    String escaped = s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    return Finding.visible(escaped);
  }

  /** Escapes, in JSON, what {@link Finding#visible} escapes beyond the controls JSON escapes itself. */
  static final class Escapes extends com.fasterxml.jackson.core.io.CharacterEscapes {
    private static final long serialVersionUID = 1L;
    private final int[] ascii = standardAsciiEscapesForJSON();

    Escapes() {
      ascii[0x7F] = ESCAPE_STANDARD;
    }

    @Override
    public int[] getEscapeCodesForAscii() {
      return ascii;
    }

    @Override
    public com.fasterxml.jackson.core.SerializableString getEscapeSequence(int ch) {
      if (ch <= 0xFFFF && Finding.invisible((char) ch)) {
        return new com.fasterxml.jackson.core.io.SerializedString(String.format(java.util.Locale.ROOT, "\\u%04X", ch));
      }
      return null;
    }
  }

  /** Escapes a workflow command's property value. */
  static String property(String s) {
    return data(s).replace(":", "%3A").replace(",", "%2C");
  }
}
