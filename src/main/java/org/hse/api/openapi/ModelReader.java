package org.hse.api.openapi;

import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.hse.api.model.ResourceModels;

/**
 * The application's {@link OASModelReader} (config {@code mp.openapi.model.reader}): the document
 * built from the resource models the application runs with.
 *
 * <p>The OpenAPI runtime creates it by reflection, not as a CDI bean, and on Payara builds the
 * document lazily on the first {@code GET /openapi}, on a thread of its own application. So the
 * reader makes this application's class loader the context class loader while it looks up the
 * {@link ResourceModels} bean through {@link CDI#current()} and reads the configuration: {@code
 * api.public-url} for {@code servers} and the token URL, and the external issuer, whose token
 * endpoint the password flow then names.
 */
public class ModelReader implements OASModelReader {

  @Override
  public OpenAPI buildModel() {
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    ClassLoader application = ModelReader.class.getClassLoader();
    thread.setContextClassLoader(application);
    try {
      OpenApiDocument.Settings settings =
          OpenApiDocument.Settings.from(ConfigProvider.getConfig(application));
      ResourceModels models = CDI.current().select(ResourceModels.class).get();
      return OpenApiDocument.build(models.all(), settings);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
