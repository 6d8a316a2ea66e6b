package org.renkei.identity;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;

/**
 * The security filter chain as Spring Security builds it, without the filter that Spring Security 6 puts in front of
 * it whenever Spring MVC is present: that filter asks Spring MVC's {@code HandlerMappingIntrospector}, on every
 * request, which handler would serve it and keeps the answer in a request attribute (after copying every request
 * attribute aside), for request matchers and CORS settings that ask Spring MVC. This application asks Spring MVC
 * nothing: its paths are matched as path patterns ({@link SecurityConfiguration#pathPatternRequestMatchers()}) and
 * it has no CORS settings. Spring Security 7 no longer adds the filter.
 *
 * <p>Spring Security 6.5 adds it by replacing the definition of the {@code springSecurityFilterChain} bean with a
 * composite of the cache filter and the original definition; this puts the original back. Should a later version
 * build the composite otherwise, nothing is changed and {@code SecurityFilterChainTests} says so.
 */
final class SecurityFilterChainUnwrapped implements BeanFactoryPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(SecurityFilterChainUnwrapped.class);
    static final String CHAIN = "springSecurityFilterChain";
    private static final String MVC_COMPOSITE =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$CompositeFilterChainProxy";
    private static final String CACHE_FILTER =
            "org.springframework.security.config.annotation.web.configuration.WebMvcSecurityConfiguration"
                    + "$HandlerMappingIntrospectorCacheFilterFactoryBean";

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (!(beanFactory instanceof BeanDefinitionRegistry registry) || !registry.containsBeanDefinition(CHAIN)) {
            return;
        }
        BeanDefinition composite = registry.getBeanDefinition(CHAIN);
        if (!MVC_COMPOSITE.equals(composite.getBeanClassName())) {
            return;
        }
        ValueHolder filters = composite.getConstructorArgumentValues().getIndexedArgumentValue(0, List.class);
        BeanDefinition chain = null;
        if (filters != null && filters.getValue() instanceof List<?> list && list.size() == 2
                && list.get(0) instanceof BeanDefinition cache && CACHE_FILTER.equals(cache.getBeanClassName())
                && list.get(1) instanceof BeanDefinition original) {
            chain = original;
        }
        if (chain == null) {
            log.warn("Spring Security's filter chain is built in an unknown way; it keeps its handler-mapping cache");
            return;
        }
        registry.removeBeanDefinition(CHAIN);
        registry.registerBeanDefinition(CHAIN, chain);
    }
}
