# Build with a JDK, run on a JRE as a non-root user.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY frontend frontend
COPY src src
RUN ./mvnw -B -ntp -DskipTests package && cp target/developer-portal-*.jar /build/portal.jar

FROM eclipse-temurin:25-jre
# curl for the container's health check.
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
RUN groupadd --system portal && useradd --system --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
COPY --from=build /build/portal.jar /app/portal.jar
USER portal
# 8080: the portal; 9090: the management port (health, info, Prometheus metrics), for the internal network only.
EXPOSE 8080 9090
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
