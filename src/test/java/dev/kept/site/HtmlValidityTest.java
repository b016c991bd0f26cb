package dev.kept.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import nu.validator.validation.SimpleDocumentValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/** Every page of the built example is valid HTML by the Nu HTML Checker: zero errors. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HtmlValidityTest {
  Path site;

  @BeforeAll
  void build(@TempDir Path dir) {
    site = BuiltSite.build(dir);
  }

  Stream<String> pages() {
    return BuiltSite.files(site, ".html").stream().map(Path::toString);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pages")
  void isValidHtml(String page) throws Exception {
    try (InputStream in = Files.newInputStream(site.resolve(page))) {
      assertThat(check(in, site.resolve(page).toUri().toString())).as(page).isEmpty();
    }
  }

  /** The checker itself finds errors, so the test above can fail. */
  @org.junit.jupiter.api.Test
  void theCheckerFindsErrorsInAnInvalidPage() throws Exception {
    String invalid =
        "<!DOCTYPE html><html lang=en><head><title>x</title></head><body>"
            + "<p id=a>one</p><p id=a>two</p><table><tr><td colspan=0>x</table></body></html>";
    List<String> errors =
        check(new java.io.ByteArrayInputStream(invalid.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "test:invalid");
    assertThat(errors).anyMatch(e -> e.contains("Duplicate ID"));
  }

  private static List<String> check(InputStream in, String systemId) throws Exception {
    List<String> errors = new ArrayList<>();
    ErrorHandler handler =
        new ErrorHandler() {
          @Override
          public void warning(SAXParseException e) {}

          @Override
          public void error(SAXParseException e) {
            errors.add(e.getLineNumber() + ":" + e.getColumnNumber() + ": " + e.getMessage());
          }

          @Override
          public void fatalError(SAXParseException e) {
            error(e);
          }
        };
    SimpleDocumentValidator validator = new SimpleDocumentValidator(true, false, false);
    validator.setUpMainSchema("http://s.validator.nu/html5-all.rnc", handler);
    validator.setUpValidatorAndParsers(handler, false, false);
    InputSource source = new InputSource(in);
    source.setEncoding("UTF-8");
    source.setSystemId(systemId);
    validator.checkHtmlInputSource(source);
    return errors;
  }
}
