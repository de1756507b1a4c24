package org.hse.api.openapi;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/**
 * The application's {@link OASFilter} (config {@code mp.openapi.filter}), the last step before the
 * document is served: it takes out the top-level {@code endpoints} map that Payara adds to every
 * document (the deployed applications' paths), which OpenAPI does not allow, so that validators and
 * generators accept the document. Payara's implementation of the model holds that map behind a
 * public {@code setEndpoints}, outside the MicroProfile API, hence reflection; its writer leaves
 * empty maps out. On another runtime the document has no such map and this does nothing.
 */
public class DocumentFilter implements OASFilter {

  private static final Logger LOG = Logger.getLogger(DocumentFilter.class.getName());

  @Override
  public void filterOpenAPI(OpenAPI openAPI) {
    Method setEndpoints;
    try {
      setEndpoints = openAPI.getClass().getMethod("setEndpoints", Map.class);
    } catch (NoSuchMethodException e) {
      return;
    }
    try {
      setEndpoints.invoke(openAPI, Map.of());
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.log(Level.WARNING, "Could not take Payara's endpoints out of the OpenAPI document.", e);
    }
  }
}
