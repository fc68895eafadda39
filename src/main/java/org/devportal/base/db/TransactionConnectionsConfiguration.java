package org.devportal.base.db;

import com.zaxxer.hikari.HikariDataSource;
import org.devportal.base.TransactionConnections;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Gives the portal's connection pool, embedded database or external, its second pool for work that runs only in
 * transactions ({@link TransactionConnections}).
 */
@Configuration(proxyBeanMethods = false)
class TransactionConnectionsConfiguration {

    @Bean
    static BeanPostProcessor transactionConnections() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof HikariDataSource pool && "dataSource".equals(name)
                        ? new TransactionConnections(pool)
                        : bean;
            }
        };
    }
}
