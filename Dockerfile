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
RUN groupadd --system portal && useradd --system --gid portal --home-dir /app --shell /usr/sbin/nologin portal
WORKDIR /app
COPY --from=build /build/portal.jar /app/portal.jar
USER portal
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/portal.jar"]
