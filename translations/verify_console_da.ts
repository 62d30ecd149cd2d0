<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da" sourcelanguage="en">
<context>
    <name>AuditPage</name>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
    <message>
        <source>Every change made from this console, with verifyctl or with an admin key, newest first.</source>
        <translation>Alle ændringer foretaget fra denne konsol, med verifyctl eller med en administratornøgle, nyeste først.</translation>
    </message>
    <message>
        <source>Search by actor, action code, target or detail (e.g. operator:ola, key.revoke, a session id)</source>
        <translation>Søg efter aktør, handlingskode, mål eller detalje (f.eks. operator:ola, key.revoke, et sessions-id)</translation>
    </message>
    <message>
        <source>Search the audit log</source>
        <translation>Søg i revisionsloggen</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Op&amp;dater</translation>
    </message>
    <message>
        <source>Select an entry to see all of its details.</source>
        <translation>Vælg en post for at se alle dens detaljer.</translation>
    </message>
    <message>
        <source>Details of the selected entry</source>
        <translation>Detaljer om den valgte post</translation>
    </message>
</context>
<context>
    <name>CreateKeyDialog</name>
    <message>
        <source>Create API key</source>
        <translation>Opret API-nøgle</translation>
    </message>
    <message>
        <source>A program presents its key in the X-API-Key header. Give each program its own key, so one can be revoked without touching the others.</source>
        <translation>Et program sender sin nøgle i headeren X-API-Key. Giv hvert program sin egen nøgle, så én kan tilbagekaldes uden at påvirke de andre.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Navn:</translation>
    </message>
    <message>
        <source>e.g. Web shop checkout</source>
        <translation>f.eks. Webshop-betaling</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Omfang:</translation>
    </message>
    <message>
        <source>S&amp;ervice:</source>
        <translation>&amp;Tjeneste:</translation>
    </message>
    <message>
        <source>E&amp;xpiry:</source>
        <translation>&amp;Udløb:</translation>
    </message>
    <message>
        <source>Expires after</source>
        <translation>Udløber efter</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Periode:</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Seneste 7 dage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Tilpasset</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>&amp;Fra:</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>&amp;Til:</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ingen sessioner i denne periode</translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mulig SMS-pumping</translation>
    </message>
    <message>
        <source>Someone may be starting verifications to numbers that pay them per message (toll fraud). Look at these sessions, and on the Services page limit the allowed countries or lower the start limits.</source>
        <translation>Nogen starter måske verificeringer til numre, der får betaling pr. besked (takstsvindel). Se på disse sessioner, og begræns de tilladte lande eller sænk startgrænserne på siden Tjenester.</translation>
    </message>
</context>
<context>
    <name>DeliveryPage</name>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>Udbakke</translation>
    </message>
    <message>
        <source>Session:</source>
        <translation>Session:</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveringskø</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Waiting and failed</source>
        <translation>Ventende og mislykkede</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykkede</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendte</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annullerede</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Afventer</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Leveret</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificeret</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykket</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>I kø</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Sender</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>KeysPage</name>
    <message>
        <source>API keys</source>
        <translation>API-nøgler</translation>
    </message>
    <message>
        <source>Programs authenticate to the HTTP API with a key. A verify key starts and checks verifications; an admin key can do everything, including managing keys.</source>
        <translation>Programmer godkendes over for HTTP-API&apos;et med en nøgle. En verificeringsnøgle starter og kontrollerer verificeringer; en administratornøgle kan alt, også administrere nøgler.</translation>
    </message>
    <message>
        <source>&amp;Create key…</source>
        <translation>&amp;Opret nøgle…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Tilbagekald…</translation>
    </message>
    <message>
        <source>Re&amp;fresh</source>
        <translation>Op&amp;dater</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Sider</translation>
    </message>
</context>
<context>
    <name>NewServiceDialog</name>
    <message>
        <source>New service</source>
        <translation>Ny tjeneste</translation>
    </message>
    <message>
        <source>A service is one application that sends codes, with its own settings, messages and API keys.</source>
        <translation>En tjeneste er én applikation, der sender koder, med egne indstillinger, beskeder og API-nøgler.</translation>
    </message>
    <message>
        <source>ID:</source>
        <translation>ID:</translation>
    </message>
    <message>
        <source>e.g. shop</source>
        <translation>f.eks. shop</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
</context>
<context>
    <name>SecretKeyDialog</name>
    <message>
        <source>API key created</source>
        <translation>API-nøgle oprettet</translation>
    </message>
    <message>
        <source>&lt;b&gt;Copy the key now: it will not be shown again.&lt;/b&gt; Verify Console keeps only a hash of it. If the key is lost, revoke it and create a new one.</source>
        <translation>&lt;b&gt;Kopiér nøglen nu: den bliver ikke vist igen.&lt;/b&gt; Verify Console gemmer kun en hash af den. Hvis nøglen går tabt, skal du tilbagekalde den og oprette en ny.</translation>
    </message>
    <message>
        <source>&amp;Key:</source>
        <translation>&amp;Nøgle:</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiér</translation>
    </message>
</context>
<context>
    <name>ServiceForm</name>
    <message>
        <source>General</source>
        <translation>Generelt</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Name in messages:</source>
        <translation>Navn i beskeder:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Accepts new verifications</source>
        <translation>Tager imod nye verificeringer</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>Length:</source>
        <translation>Længde:</translation>
    </message>
    <message>
        <source> characters</source>
        <translation> tegn</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Tegn:</translation>
    </message>
    <message>
        <source>Digits</source>
        <translation>Cifre</translation>
    </message>
    <message>
        <source>Letters and digits (no look-alikes)</source>
        <translation>Bogstaver og cifre (uden forvekslelige tegn)</translation>
    </message>
    <message>
        <source>Custom codes:</source>
        <translation>Egne koder:</translation>
    </message>
    <message>
        <source>Applications may supply their own code</source>
        <translation>Applikationer må selv angive koden</translation>
    </message>
    <message>
        <source>Limits</source>
        <translation>Grænser</translation>
    </message>
    <message>
        <source>Code valid for:</source>
        <translation>Kode gyldig i:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Wrong codes allowed:</source>
        <translation>Tilladte forkerte koder:</translation>
    </message>
    <message>
        <source>Resends allowed:</source>
        <translation>Tilladte gensendelser:</translation>
    </message>
    <message>
        <source>Wait between sends:</source>
        <translation>Ventetid mellem afsendelser:</translation>
    </message>
    <message>
        <source>Starts per recipient per hour:</source>
        <translation>Verificeringer pr. modtager pr. time:</translation>
    </message>
    <message>
        <source>Channels and language</source>
        <translation>Kanaler og sprog</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Kanaler:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Message language:</source>
        <translation>Beskedsprog:</translation>
    </message>
    <message>
        <source>Country of national numbers:</source>
        <translation>Land for nationale numre:</translation>
    </message>
    <message>
        <source>e.g. NO; empty: numbers need +country code</source>
        <translation>f.eks. DK; tom: numre skal have +landenummer</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Starts per IP address per hour:</source>
        <translation>Starter pr. IP-adresse pr. time:</translation>
    </message>
    <message>
        <source>Starts per API key per hour:</source>
        <translation>Starter pr. API-nøgle pr. time:</translation>
    </message>
    <message>
        <source>Starts per service per hour:</source>
        <translation>Starter for tjenesten pr. time:</translation>
    </message>
    <message>
        <source>Open session:</source>
        <translation>Åben session:</translation>
    </message>
    <message>
        <source>Return it again instead of sending a new code</source>
        <translation>Returnér den igen i stedet for at sende en ny kode</translation>
    </message>
    <message>
        <source>Allowed countries:</source>
        <translation>Tilladte lande:</translation>
    </message>
    <message>
        <source>e.g. NO, SE; empty: all countries</source>
        <translation>f.eks. NO, SE; tom: alle lande</translation>
    </message>
    <message>
        <source>SMS:</source>
        <translation>SMS:</translation>
    </message>
    <message>
        <source>Only to mobile numbers</source>
        <translation>Kun til mobilnumre</translation>
    </message>
    <message>
        <source>Test recipients:</source>
        <translation>Testmodtagere:</translation>
    </message>
    <message>
        <source>Status webhook URL:</source>
        <translation>Adresse til statusbeskeder (webhook):</translation>
    </message>
    <message>
        <source>e.g. https://app.example.com/hooks/verify; empty: no webhooks</source>
        <translation>f.eks. https://app.example.com/hooks/verify; tom: ingen beskeder</translation>
    </message>
</context>
<context>
    <name>ServicesPage</name>
    <message>
        <source>Services</source>
        <translation>Tjenester</translation>
    </message>
    <message>
        <source>New service…</source>
        <translation>Ny tjeneste…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Beskeder</translation>
    </message>
</context>
<context>
    <name>SessionDetailPane</name>
    <message>
        <source>Select a session to see its details and events.</source>
        <translation>Vælg en session for at se dens detaljer og hændelser.</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Channel:</source>
        <translation>Kanal:</translation>
    </message>
    <message>
        <source>Recipient:</source>
        <translation>Modtager:</translation>
    </message>
    <message>
        <source>Country:</source>
        <translation>Land:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Sprog:</translation>
    </message>
    <message>
        <source>Service:</source>
        <translation>Tjeneste:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Forsøg:</translation>
    </message>
    <message>
        <source>Resends:</source>
        <translation>Gensendelser:</translation>
    </message>
    <message>
        <source>Created:</source>
        <translation>Oprettet:</translation>
    </message>
    <message>
        <source>Expires:</source>
        <translation>Udløber:</translation>
    </message>
    <message>
        <source>Delivered:</source>
        <translation>Leveret:</translation>
    </message>
    <message>
        <source>Verified:</source>
        <translation>Verificeret:</translation>
    </message>
    <message>
        <source>Finished:</source>
        <translation>Afsluttet:</translation>
    </message>
    <message>
        <source>Reference:</source>
        <translation>Reference:</translation>
    </message>
    <message>
        <source>Client IP:</source>
        <translation>Klient-IP:</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Hændelser</translation>
    </message>
    <message>
        <source>Event timeline</source>
        <translation>Tidslinje over hændelser</translation>
    </message>
</context>
<context>
    <name>SessionsPage</name>
    <message>
        <source>Search: phone number (+47 912 34 567), e-mail address or session id</source>
        <translation>Søg: telefonnummer (+45 12 34 56 78), e-mailadresse eller sessions-id</translation>
    </message>
    <message>
        <source>Search sessions</source>
        <translation>Søg i sessioner</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>&amp;Kanal:</translation>
    </message>
    <message>
        <source>Ser&amp;vice:</source>
        <translation>&amp;Tjeneste:</translation>
    </message>
    <message>
        <source>Crea&amp;ted:</source>
        <translation>&amp;Oprettet:</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>to</source>
        <translation>til</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Ryd filtre</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>&amp;Eksportér…</translation>
    </message>
    <message>
        <source>Save the sessions that match the filters as a CSV file</source>
        <translation>Gem de sessioner, der matcher filtrene, som en CSV-fil</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>HTTP API</source>
        <translation>HTTP-API</translation>
    </message>
    <message>
        <source>Run the HTTP API in the console</source>
        <translation>Kør HTTP-API&apos;et i konsollen</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Anvend</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Database in use:</source>
        <translation>Database i brug:</translation>
    </message>
    <message>
        <source>Folder at next start:</source>
        <translation>Mappe ved næste start:</translation>
    </message>
    <message>
        <source>Choose folder…</source>
        <translation>Vælg mappe…</translation>
    </message>
    <message>
        <source>Use the default folder</source>
        <translation>Brug standardmappen</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Gem</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Opbevaring</translation>
    </message>
    <message>
        <source>Keep finished sessions for</source>
        <translation>Behold afsluttede sessioner i</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Language of the console:</source>
        <translation>Konsollens sprog:</translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Language:</source>
        <translation>Sprog:</translation>
    </message>
    <message>
        <source>Message:</source>
        <translation>Besked:</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
    <message>
        <source>Voice call</source>
        <translation>Opkald</translation>
    </message>
    <message>
        <source>E-mail subject</source>
        <translation>E-mailemne</translation>
    </message>
    <message>
        <source>E-mail text</source>
        <translation>E-mailtekst</translation>
    </message>
    <message>
        <source>E-mail HTML</source>
        <translation>E-mail-HTML</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Skabelon</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Forhåndsvisning</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Gendan standardtekst</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>Fortryd</translation>
    </message>
    <message>
        <source>Save message</source>
        <translation>Gem besked</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Opening the database…</source>
        <translation>Åbner databasen…</translation>
    </message>
    <message>
        <source>Verify Console</source>
        <translation>Verify Console</translation>
    </message>
    <message>
        <source>The database cannot be opened:
%1</source>
        <translation>Databasen kan ikke åbnes:
%1</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API&apos;et blev ikke startet</translation>
    </message>
    <message>
        <source>The HTTP API could not start: %1
Change the address in Settings.</source>
        <translation>HTTP-API&apos;et kunne ikke starte: %1
Skift adressen under Indstillinger.</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditModel</name>
    <message>
        <source>name</source>
        <translation>navn</translation>
    </message>
    <message>
        <source>prefix</source>
        <translation>præfiks</translation>
    </message>
    <message>
        <source>scope</source>
        <translation>omfang</translation>
    </message>
    <message>
        <source>service</source>
        <translation>tjeneste</translation>
    </message>
    <message>
        <source>expires</source>
        <translation>udløber</translation>
    </message>
    <message>
        <source>recipient</source>
        <translation>modtager</translation>
    </message>
    <message>
        <source>channel</source>
        <translation>kanal</translation>
    </message>
    <message>
        <source>previous channel</source>
        <translation>forrige kanal</translation>
    </message>
    <message>
        <source>resend no.</source>
        <translation>gensendelse nr.</translation>
    </message>
    <message>
        <source>resends left</source>
        <translation>gensendelser tilbage</translation>
    </message>
    <message>
        <source>delivery</source>
        <translation>levering</translation>
    </message>
    <message>
        <source>provider</source>
        <translation>udbyder</translation>
    </message>
    <message>
        <source>language</source>
        <translation>sprog</translation>
    </message>
    <message>
        <source>part</source>
        <translation>del</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>API key created</source>
        <translation>API-nøgle oprettet</translation>
    </message>
    <message>
        <source>API key revoked</source>
        <translation>API-nøgle tilbagekaldt</translation>
    </message>
    <message>
        <source>Service created</source>
        <translation>Tjeneste oprettet</translation>
    </message>
    <message>
        <source>Service changed</source>
        <translation>Tjeneste ændret</translation>
    </message>
    <message>
        <source>Message text changed</source>
        <translation>Beskedtekst ændret</translation>
    </message>
    <message>
        <source>Session cancelled</source>
        <translation>Session annulleret</translation>
    </message>
    <message>
        <source>Code resent</source>
        <translation>Kode gensendt</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>Indstilling ændret</translation>
    </message>
    <message>
        <source>API key %1</source>
        <translation>API-nøgle %1</translation>
    </message>
    <message>
        <source>Service %1</source>
        <translation>Tjeneste %1</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Setting %1</source>
        <translation>Indstilling %1</translation>
    </message>
    <message>
        <source>back to the built-in text</source>
        <translation>tilbage til standardteksten</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Aktør</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Mål</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
</context>
<context>
    <name>vc::ui::AuditPage</name>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Target: %1</source>
        <translation>Mål: %1</translation>
    </message>
    <message>
        <source>Target: %1 (id %2)</source>
        <translation>Mål: %1 (id %2)</translation>
    </message>
    <message>
        <source>The audit log could not be read: %1</source>
        <translation>Revisionsloggen kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Der er ikke registreret noget endnu.</translation>
    </message>
    <message>
        <source>No entries match “%1”.</source>
        <translation>Ingen poster matcher »%1«.</translation>
    </message>
    <message>
        <source>Entries shown: %1. Scroll down for older ones.</source>
        <translation>Viste poster: %1. Rul ned for at se ældre.</translation>
    </message>
    <message>
        <source>Entries: %1.</source>
        <translation>Poster: %1.</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Revisionslog</translation>
    </message>
</context>
<context>
    <name>vc::ui::CreateKeyDialog</name>
    <message>
        <source>Everything: sessions, services, keys, statistics and the audit log.</source>
        <translation>Alt: sessioner, tjenester, nøgler, statistik og revisionsloggen.</translation>
    </message>
    <message>
        <source>Start, check, resend and cancel verifications, and read their status.</source>
        <translation>Starte, kontrollere, gensende og annullere verificeringer samt læse deres status.</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Create key</source>
        <translation>Opret nøgle</translation>
    </message>
    <message>
        <source>Use at most 100 characters and no control characters.</source>
        <translation>Brug højst 100 tegn og ingen kontroltegn.</translation>
    </message>
    <message>
        <source>This service no longer exists. Choose another one.</source>
        <translation>Tjenesten findes ikke længere. Vælg en anden.</translation>
    </message>
    <message>
        <source>Choose from 1 to 3650 days.</source>
        <translation>Vælg mellem 1 og 3650 dage.</translation>
    </message>
    <message>
        <source>Give the key a name, such as the program that will use it.</source>
        <translation>Giv nøglen et navn, f.eks. navnet på det program, der skal bruge den.</translation>
    </message>
    <message>
        <source>Key not created</source>
        <translation>Nøglen blev ikke oprettet</translation>
    </message>
    <message>
        <source>The key could not be created: %1</source>
        <translation>Nøglen kunne ikke oprettes: %1</translation>
    </message>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> dag</numerusform>
            <numerusform> dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::DashboardPage</name>
    <message>
        <source>The statistics could not be read: %1</source>
        <translation>Statistikken kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>Opdateret kl. %1</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Seneste 7 dage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>%1: none finished yet</source>
        <translation>%1: ingen afsluttet endnu</translation>
    </message>
    <message>
        <source>No sessions in this range</source>
        <translation>Ingen sessioner i denne periode</translation>
    </message>
    <message>
        <source>Sessions today</source>
        <translation>Sessioner i dag</translation>
    </message>
    <message>
        <source>Sessions this month</source>
        <translation>Sessioner denne måned</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Succesrate</translation>
    </message>
    <message>
        <source>Delivery failures</source>
        <translation>Mislykkede leveringer</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Oversigt</translation>
    </message>
    <message>
        <source>%1: %2 of %3 finished sessions verified</source>
        <translation>%1: %2 af %3 afsluttede sessioner verificeret</translation>
    </message>
    <message>
        <source>The SMS-pumping signals could not be read</source>
        <translation>Tegnene på SMS-pumping kunne ikke læses</translation>
    </message>
    <message>
        <source>%1 in %2, service %3</source>
        <translation>%1 i %2, tjeneste %3</translation>
    </message>
    <message numerus="yes">
        <source>%n start(s) since %1, usually %2 an hour</source>
        <translation>
            <numerusform>%n start siden %1, normalt %2 i timen</numerusform>
            <numerusform>%n starter siden %1, normalt %2 i timen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3); the service usually %4</source>
        <translation>%1 af %2 verificeret de seneste 24 timer (%3); tjenesten har normalt %4</translation>
    </message>
    <message>
        <source>%1 of %2 verified in the last 24 hours (%3)</source>
        <translation>%1 af %2 verificeret de seneste 24 timer (%3)</translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>og %n mere</numerusform>
            <numerusform>og %n mere</numerusform>
        </translation>
    </message>
    <message>
        <source>Possible SMS pumping</source>
        <translation>Mulig SMS-pumping</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryPage</name>
    <message>
        <source>All sessions; paste a session id to see one</source>
        <translation>Alle sessioner; indsæt et sessions-id for at se én</translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopiér sessions-id</translation>
    </message>
    <message>
        <source>This is not a session id.</source>
        <translation>Dette er ikke et sessions-id.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>Køen kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>The newest %1 messages</source>
        <translation>De %1 nyeste beskeder</translation>
    </message>
    <message>
        <source>Messages: %1</source>
        <translation>Beskeder: %1</translation>
    </message>
    <message>
        <source>Items: %1</source>
        <translation>Elementer: %1</translation>
    </message>
    <message>
        <source>Items: %1 · failed: %2</source>
        <translation>Elementer: %1 · mislykkede: %2</translation>
    </message>
    <message>
        <source>Delivery queue (%1 failed)</source>
        <translation>Leveringskø (%1 mislykkede)</translation>
    </message>
    <message>
        <source>Delivery queue</source>
        <translation>Leveringskø</translation>
    </message>
    <message>
        <source>Select a message to read it in full.</source>
        <translation>Vælg en besked for at læse hele beskeden.</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>Emne: %1</translation>
    </message>
    <message>
        <source>Sends the session a new code by the same channel, under the resend rules.</source>
        <translation>Sender sessionen en ny kode via samme kanal efter reglerne for gensendelse.</translation>
    </message>
    <message>
        <source>A code was sent to this session moments ago. Try again in %1 s.</source>
        <translation>Der blev sendt en kode til denne session for et øjeblik siden. Prøv igen om %1 s.</translation>
    </message>
    <message>
        <source>The session has used all its resends. The user has to start a new verification.</source>
        <translation>Sessionen har brugt alle sine gensendelser. Brugeren skal starte en ny verificering.</translation>
    </message>
    <message>
        <source>Only a failed delivery can be retried, and this one is no longer failed.</source>
        <translation>Kun en mislykket levering kan prøves igen, og denne er ikke længere mislykket.</translation>
    </message>
    <message>
        <source>The session is already final (%1): it gets no new code.</source>
        <translation>Sessionen er allerede afsluttet (%1): den får ingen ny kode.</translation>
    </message>
    <message>
        <source>This delivery no longer exists; its session may have been purged.</source>
        <translation>Leveringen findes ikke længere; dens session er muligvis blevet slettet.</translation>
    </message>
    <message>
        <source>Retry delivery</source>
        <translation>Prøv levering igen</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The session&apos;s current code stops working.</source>
        <translation>Vil du sende en ny kode til %1 via %2? Sessionens nuværende kode holder op med at virke.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Prøv igen</translation>
    </message>
    <message>
        <source>Delivery not retried</source>
        <translation>Leveringen blev ikke prøvet igen</translation>
    </message>
    <message>
        <source>A new code for session %1 is queued (%2).</source>
        <translation>En ny kode til session %1 er sat i kø (%2).</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>%1 through %2</source>
        <translation>%1 via %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;The local outbox is the active provider.&lt;/b&gt; Messages are kept here instead of being sent, so verifications work without an SMS, voice or e-mail gateway. Connect a gateway under Providers.</source>
        <translation>&lt;b&gt;Den lokale udbakke er den aktive udbyder.&lt;/b&gt; Beskeder gemmes her i stedet for at blive sendt, så verificeringer virker uden en SMS-, opkalds- eller e-mailgateway. Tilslut en gateway under Udbydere.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Messages are sent by gateways:&lt;/b&gt; %1. Other channels stay in the local outbox. Services can have their own routes under Providers.</source>
        <translation>&lt;b&gt;Beskeder sendes via gateways:&lt;/b&gt; %1. Andre kanaler bliver i den lokale udbakke. Tjenester kan have egne ruter under Udbydere.</translation>
    </message>
    <message>
        <source>Providers</source>
        <translation>Udbydere</translation>
    </message>
</context>
<context>
    <name>vc::ui::DeliveryQueueModel</name>
    <message>
        <source>Retrying</source>
        <translation>Prøver igen</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøg</translation>
    </message>
    <message>
        <source>Next attempt</source>
        <translation>Næste forsøg</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Seneste fejl</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysModel</name>
    <message>
        <source>Admin</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Verificering</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Tilbagekaldt</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Aldrig</translation>
    </message>
    <message>
        <source>Created by %1</source>
        <translation>Oprettet af %1</translation>
    </message>
    <message>
        <source>Revoked by %1 on %2</source>
        <translation>Tilbagekaldt af %1 den %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Prefix</source>
        <translation>Præfiks</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfang</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Last used</source>
        <translation>Sidst brugt</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
</context>
<context>
    <name>vc::ui::KeysPage</name>
    <message>
        <source>The API keys could not be read: %1</source>
        <translation>API-nøglerne kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>No API keys yet. Create one for each program that calls the API.</source>
        <translation>Ingen API-nøgler endnu. Opret én til hvert program, der kalder API&apos;et.</translation>
    </message>
    <message>
        <source>Keys: %1, of which active: %2.</source>
        <translation>Nøgler: %1, heraf aktive: %2.</translation>
    </message>
    <message>
        <source>Revoke API key</source>
        <translation>Tilbagekald API-nøgle</translation>
    </message>
    <message>
        <source>Revoke the key “%1” (prefix %2)?

Programs that use it are refused from their next request on, also by verifyd on the same database. This cannot be undone.</source>
        <translation>Vil du tilbagekalde nøglen »%1« (præfiks %2)?

Programmer, der bruger den, afvises fra og med deres næste anmodning, også af verifyd på samme database. Handlingen kan ikke fortrydes.</translation>
    </message>
    <message>
        <source>Revoke key</source>
        <translation>Tilbagekald nøgle</translation>
    </message>
    <message>
        <source>Key not revoked</source>
        <translation>Nøglen blev ikke tilbagekaldt</translation>
    </message>
    <message>
        <source>The key could not be revoked: %1</source>
        <translation>Nøglen kunne ikke tilbagekaldes: %1</translation>
    </message>
    <message>
        <source>API keys</source>
        <translation>API-nøgler</translation>
    </message>
</context>
<context>
    <name>vc::ui::MainWindow</name>
    <message>
        <source>API on %1 · %2 requests/s</source>
        <translation>API kører på %1 · %2 anmodninger/s</translation>
    </message>
    <message>
        <source>API off</source>
        <translation>API slået fra</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Database: %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::NewServiceDialog</name>
    <message>
        <source>Lower-case letters, digits, “-” and “_”, starting with a letter or digit. Applications name the service by it; it cannot be changed.</source>
        <translation>Små bogstaver, cifre, »-« og »_«; det første tegn skal være et bogstav eller et ciffer. Applikationer angiver tjenesten med id&apos;et; det kan ikke ændres.</translation>
    </message>
    <message>
        <source>This is not a valid id: use 1–40 lower-case letters, digits, “-” or “_”, starting with a letter or digit.</source>
        <translation>Dette er ikke et gyldigt id: brug 1–40 små bogstaver, cifre, »-« eller »_«, og begynd med et bogstav eller et ciffer.</translation>
    </message>
    <message>
        <source>A service with this id exists.</source>
        <translation>Der findes allerede en tjeneste med dette id.</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutboxModel</name>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Session</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Besked</translation>
    </message>
</context>
<context>
    <name>vc::ui::OutcomesChart</name>
    <message>
        <source>Outcomes by status</source>
        <translation>Udfald efter status</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>vc::ui::ProvidersPanel</name>
    <message>
        <source>SMTP server (e-mail)</source>
        <translation>SMTP-server (e-mail)</translation>
    </message>
    <message>
        <source>Kannel gateway (SMS)</source>
        <translation>Kannel-gateway (SMS)</translation>
    </message>
    <message>
        <source>HTTP gateway (SMS, voice)</source>
        <translation>HTTP-gateway (SMS, opkald)</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>Server:</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>Port:</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>Kryptering:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Brugernavn:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Adgangskode:</translation>
    </message>
    <message>
        <source>From address:</source>
        <translation>Afsenderadresse:</translation>
    </message>
    <message>
        <source>From name:</source>
        <translation>Afsendernavn:</translation>
    </message>
    <message>
        <source>Sender:</source>
        <translation>Afsender:</translation>
    </message>
    <message>
        <source>Timeout (ms):</source>
        <translation>Timeout (ms):</translation>
    </message>
    <message>
        <source>Verify the certificate:</source>
        <translation>Kontrollér certifikatet:</translation>
    </message>
    <message>
        <source>Trusted certificates (PEM file):</source>
        <translation>Betroede certifikater (PEM-fil):</translation>
    </message>
    <message>
        <source>sendsms URL:</source>
        <translation>sendsms-URL:</translation>
    </message>
    <message>
        <source>Receipts to (this API&apos;s URL):</source>
        <translation>Kvitteringer til (dette API&apos;s URL):</translation>
    </message>
    <message>
        <source>Receipt token:</source>
        <translation>Kvitteringstoken:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Metode:</translation>
    </message>
    <message>
        <source>Authentication:</source>
        <translation>Godkendelse:</translation>
    </message>
    <message>
        <source>Token or password:</source>
        <translation>Token eller adgangskode:</translation>
    </message>
    <message>
        <source>Headers (one &quot;Name: value&quot; a line):</source>
        <translation>Headere (én &quot;Navn: værdi&quot; pr. linje):</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Indhold:</translation>
    </message>
    <message>
        <source>Body template:</source>
        <translation>Indholdsskabelon:</translation>
    </message>
    <message>
        <source>Success field (JSON path):</source>
        <translation>Succesfelt (JSON-sti):</translation>
    </message>
    <message>
        <source>Success value:</source>
        <translation>Succesværdi:</translation>
    </message>
    <message>
        <source>Message id field (JSON path):</source>
        <translation>Felt for besked-id (JSON-sti):</translation>
    </message>
    <message>
        <source>Voice audio:</source>
        <translation>Lyd til opkald:</translation>
    </message>
    <message>
        <source>New provider</source>
        <translation>Ny udbyder</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Fjern…</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Navn:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>e.g. office-smtp</source>
        <translation>f.eks. office-smtp</translation>
    </message>
    <message>
        <source>Save provider</source>
        <translation>Gem udbyder</translation>
    </message>
    <message>
        <source>Test recipient: phone number or e-mail address</source>
        <translation>Testmodtager: telefonnummer eller e-mailadresse</translation>
    </message>
    <message>
        <source>Send test</source>
        <translation>Send test</translation>
    </message>
    <message>
        <source>Which provider sends each channel</source>
        <translation>Hvilken udbyder der sender hver kanal</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Gælder:</translation>
    </message>
    <message>
        <source>Provider %1</source>
        <translation>Udbyder %1</translation>
    </message>
    <message>
        <source>The providers could not be read: %1</source>
        <translation>Udbyderne kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>Local outbox (built in)</source>
        <translation>Lokal udbakke (indbygget)</translation>
    </message>
    <message>
        <source>As for all services</source>
        <translation>Som for alle tjenester</translation>
    </message>
    <message>
        <source>The route could not be changed: %1</source>
        <translation>Ruten kunne ikke ændres: %1</translation>
    </message>
    <message>
        <source>%1 messages now use the default.</source>
        <translation>Beskeder i kanalen %1 bruger nu standardvalget.</translation>
    </message>
    <message>
        <source>%1 messages now go through %2.</source>
        <translation>Beskeder i kanalen %1 sendes nu via %2.</translation>
    </message>
    <message>
        <source>Stored — type to replace</source>
        <translation>Gemt — skriv for at erstatte</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Ikke angivet</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
    <message>
        <source>Not saved: %1 %2</source>
        <translation>Ikke gemt: %1 %2</translation>
    </message>
    <message>
        <source>Provider %1 saved.</source>
        <translation>Udbyderen %1 er gemt.</translation>
    </message>
    <message>
        <source>Remove provider</source>
        <translation>Fjern udbyder</translation>
    </message>
    <message>
        <source>Remove the provider %1? Its settings and secrets are deleted.</source>
        <translation>Vil du fjerne udbyderen %1? Dens indstillinger og hemmeligheder slettes.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Ikke fjernet: %1</translation>
    </message>
    <message>
        <source>Provider %1 removed.</source>
        <translation>Udbyderen %1 er fjernet.</translation>
    </message>
    <message>
        <source>Enter a phone number or e-mail address to send the test to.</source>
        <translation>Angiv et telefonnummer eller en e-mailadresse, som testen skal sendes til.</translation>
    </message>
    <message>
        <source>Sending a test message…</source>
        <translation>Sender en testbesked…</translation>
    </message>
    <message>
        <source>The test was not sent: %1</source>
        <translation>Testen blev ikke sendt: %1</translation>
    </message>
    <message>
        <source>The provider refused the test: %1</source>
        <translation>Udbyderen afviste testen: %1</translation>
    </message>
    <message>
        <source>The provider accepted the test message.</source>
        <translation>Udbyderen accepterede testbeskeden.</translation>
    </message>
</context>
<context>
    <name>vc::ui::SecretKeyDialog</name>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>“%1” was created with prefix %2. Scope: %3. Service: %4.</source>
        <translation>»%1« blev oprettet med præfikset %2. Omfang: %3. Tjeneste: %4.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in one minute.</source>
        <translation>Kopieret. Udklipsholderen ryddes om et minut.</translation>
    </message>
    <message>
        <source>Copied. The clipboard will be cleared in %1 s.</source>
        <translation>Kopieret. Udklipsholderen ryddes om %1 s.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceForm</name>
    <message>
        <source>Enter a whole number from %1 to %2.</source>
        <translation>Angiv et helt tal fra %1 til %2.</translation>
    </message>
    <message>
        <source>Enter a name.</source>
        <translation>Angiv et navn.</translation>
    </message>
    <message>
        <source>Use at most %1 characters, without control characters.</source>
        <translation>Brug højst %1 tegn og ingen kontroltegn.</translation>
    </message>
    <message>
        <source>Enter a two-letter country code such as NO, or leave it empty.</source>
        <translation>Angiv en landekode på to bogstaver, f.eks. DK, eller lad feltet være tomt.</translation>
    </message>
    <message>
        <source>Choose at least one channel.</source>
        <translation>Vælg mindst én kanal.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Gemt kl. %1.</translation>
    </message>
    <message>
        <source>%1 min in messages</source>
        <translation>%1 min. i beskeder</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>Ingen grænse</translation>
    </message>
    <message>
        <source>Enter an http or https address such as https://app.example.com/hooks, or leave it empty.</source>
        <translation>Angiv en http- eller https-adresse som https://app.example.com/hooks, eller lad feltet være tomt.</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServiceListModel</name>
    <message>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <source>%1 (id %2) is disabled: it accepts no new verifications</source>
        <translation>%1 (id %2) er deaktiveret: den tager ikke imod nye verificeringer</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
</context>
<context>
    <name>vc::ui::ServicesPage</name>
    <message>
        <source>A service is one application that sends codes. Changes apply to verifications started after they are saved; those under way keep their rules.</source>
        <translation>En tjeneste er én applikation, der sender koder. Ændringer gælder for verificeringer, der startes, efter at ændringerne er gemt; igangværende verificeringer beholder deres regler.</translation>
    </message>
    <message>
        <source>Services not loaded</source>
        <translation>Tjenesterne blev ikke indlæst</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Ikke-gemte ændringer</translation>
    </message>
    <message>
        <source>The settings of %1 have changes that are not saved. Discard them?</source>
        <translation>Indstillingerne for %1 har ændringer, der ikke er gemt. Vil du kassere dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Kassér ændringer</translation>
    </message>
    <message>
        <source>Service not created</source>
        <translation>Tjenesten blev ikke oprettet</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>Tjenester</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionDetailPane</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionEventsModel</name>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Previous channel</source>
        <translation>Forrige kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Calling code</source>
        <translation>Landenummer</translation>
    </message>
    <message>
        <source>Number type</source>
        <translation>Nummertype</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>Code length</source>
        <translation>Kodelængde</translation>
    </message>
    <message>
        <source>Valid for (s)</source>
        <translation>Gyldig i (s)</translation>
    </message>
    <message>
        <source>Code from caller</source>
        <translation>Kode fra applikationen</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Reference</translation>
    </message>
    <message>
        <source>Provider</source>
        <translation>Udbyder</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Levering</translation>
    </message>
    <message>
        <source>Attempt</source>
        <translation>Forsøg nr.</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøg</translation>
    </message>
    <message>
        <source>Attempts left</source>
        <translation>Forsøg tilbage</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Gensendelse nr.</translation>
    </message>
    <message>
        <source>Resends left</source>
        <translation>Gensendelser tilbage</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fejl</translation>
    </message>
    <message>
        <source>Will retry</source>
        <translation>Prøver igen</translation>
    </message>
    <message>
        <source>Retry at</source>
        <translation>Nyt forsøg</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Årsag</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Udført af</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nej</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Number looked up</source>
        <translation>Nummer slået op</translation>
    </message>
    <message>
        <source>Queued</source>
        <translation>Sat i kø</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Leveret</translation>
    </message>
    <message>
        <source>Delivery failed</source>
        <translation>Levering mislykkedes</translation>
    </message>
    <message>
        <source>Failover</source>
        <translation>Failover</translation>
    </message>
    <message>
        <source>Wrong code</source>
        <translation>Forkert kode</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificeret</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>Låst</translation>
    </message>
    <message>
        <source>Resent</source>
        <translation>Gensendt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulleret</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Mislykket</translation>
    </message>
    <message>
        <source>Webhook sent</source>
        <translation>Webhook sendt</translation>
    </message>
    <message>
        <source>Webhook failed</source>
        <translation>Webhook mislykkedes</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tidspunkt</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Hændelse</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Delivery receipt</source>
        <translation>Leveringskvittering</translation>
    </message>
    <message>
        <source>Not sent (test recipient)</source>
        <translation>Ikke sendt (testmodtager)</translation>
    </message>
    <message>
        <source>Started again (open session reused)</source>
        <translation>Startet igen (åben session genbrugt)</translation>
    </message>
    <message>
        <source>Webhook queued again</source>
        <translation>Webhook sat i kø igen</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionListModel</name>
    <message>
        <source>%1 / %2</source>
        <translation>%1/%2</translation>
    </message>
    <message>
        <source>Session %1</source>
        <translation>Session %1</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Oprettet</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Kanal</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Tjeneste</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Forsøg</translation>
    </message>
    <message>
        <source>Resends</source>
        <translation>Gensendelser</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Udløber</translation>
    </message>
    <message>
        <source>%1 (test)</source>
        <translation>%1 (test)</translation>
    </message>
    <message>
        <source>Test session: nothing is sent; the service&apos;s fixed test code verifies it</source>
        <translation>Testsession: intet sendes; tjenestens faste testkode bekræfter den</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsChart</name>
    <message>
        <source>Sessions per hour</source>
        <translation>Sessioner pr. time</translation>
    </message>
    <message>
        <source>Sessions per day</source>
        <translation>Sessioner pr. dag</translation>
    </message>
    <message>
        <source>Sessions per month</source>
        <translation>Sessioner pr. måned</translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsPage</name>
    <message>
        <source>All statuses</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Alle kanaler</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>Alle tidspunkter</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>I dag</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Seneste 7 dage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Seneste 30 dage</translation>
    </message>
    <message>
        <source>Custom range</source>
        <translation>Tilpasset periode</translation>
    </message>
    <message>
        <source>All services</source>
        <translation>Alle tjenester</translation>
    </message>
    <message>
        <source>The end date is before the start date.</source>
        <translation>Slutdatoen ligger før startdatoen.</translation>
    </message>
    <message>
        <source>Search for an exact phone number in international form (such as +47 912 34 567), an e-mail address or a session id.</source>
        <translation>Søg efter et præcist telefonnummer i internationalt format (f.eks. +45 12 34 56 78), en e-mailadresse eller et sessions-id.</translation>
    </message>
    <message>
        <source>No session has the id %1.</source>
        <translation>Der findes ingen session med id&apos;et %1.</translation>
    </message>
    <message>
        <source>Sessions could not be loaded: %1</source>
        <translation>Sessionerne kunne ikke indlæses: %1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Indlæser…</translation>
    </message>
    <message>
        <source>No sessions match.</source>
        <translation>Ingen sessioner matcher.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%Ln session vist, flere når du ruller</numerusform>
            <numerusform>%Ln sessioner vist, flere når du ruller</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessioner</numerusform>
        </translation>
    </message>
    <message>
        <source>Events could not be loaded: %1</source>
        <translation>Hændelserne kunne ikke indlæses: %1</translation>
    </message>
    <message>
        <source>This session has used all its resends.</source>
        <translation>Denne session har brugt alle sine gensendelser.</translation>
    </message>
    <message>
        <source>Send a new code, by this or another channel</source>
        <translation>Send en ny kode via denne eller en anden kanal</translation>
    </message>
    <message>
        <source>End this session; its code stops working</source>
        <translation>Afslut denne session; dens kode holder op med at virke</translation>
    </message>
    <message>
        <source>Resend code</source>
        <translation>Gensend kode</translation>
    </message>
    <message>
        <source>Send a new code to %1 by:</source>
        <translation>Send en ny kode til %1 via:</translation>
    </message>
    <message>
        <source>Send a new code to %1 by %2? The code sent before stops working.</source>
        <translation>Vil du sende en ny kode til %1 via %2? Den tidligere sendte kode holder op med at virke.</translation>
    </message>
    <message>
        <source>Resend</source>
        <translation>Gensend</translation>
    </message>
    <message>
        <source>Resend failed</source>
        <translation>Gensendelse mislykkedes</translation>
    </message>
    <message>
        <source>Cancel session</source>
        <translation>Annuller session</translation>
    </message>
    <message>
        <source>Cancel the session for %1? Its code stops working and the session cannot be resumed.</source>
        <translation>Vil du annullere sessionen for %1? Dens kode holder op med at virke, og sessionen kan ikke genoptages.</translation>
    </message>
    <message>
        <source>Cancel failed</source>
        <translation>Annullering mislykkedes</translation>
    </message>
    <message numerus="yes">
        <source>Wait %Ln s and try again.</source>
        <translation>
            <numerusform>Vent %Ln sekund, og prøv igen.</numerusform>
            <numerusform>Vent %Ln sekunder, og prøv igen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy session id</source>
        <translation>Kopiér sessions-id</translation>
    </message>
    <message>
        <source>Resend…</source>
        <translation>Gensend…</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>Export sessions</source>
        <translation>Eksportér sessioner</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exporting sessions…</source>
        <translation>Eksporterer sessioner…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>Exporting sessions… %L1 written</source>
        <translation>Eksporterer sessioner… %L1 skrevet</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Eksporten mislykkedes</translation>
    </message>
    <message>
        <source>The sessions could not be exported: %1</source>
        <translation>Sessionerne kunne ikke eksporteres: %1</translation>
    </message>
    <message>
        <source>Export finished</source>
        <translation>Eksporten er færdig</translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) saved to %1.</source>
        <translation>
            <numerusform>%Ln session gemt i %1.</numerusform>
            <numerusform>%Ln sessioner gemt i %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this session&apos;s failed status webhooks to the application again</source>
        <translation>Send sessionens mislykkede status-webhooks til applikationen igen</translation>
    </message>
    <message>
        <source>Send webhooks again</source>
        <translation>Send webhooks igen</translation>
    </message>
    <message>
        <source>Send the failed status webhooks of the session for %1 to the application again? Use this once its receiver works.</source>
        <translation>Send de mislykkede status-webhooks for sessionen til %1 til applikationen igen? Brug dette, når modtageren virker igen.</translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Send igen</translation>
    </message>
    <message>
        <source>Sending webhooks again failed</source>
        <translation>Webhooks kunne ikke sendes igen</translation>
    </message>
    <message>
        <source>Send webhooks again…</source>
        <translation>Send webhooks igen…</translation>
    </message>
</context>
<context>
    <name>vc::ui::SettingsPage</name>
    <message>
        <source>Data folder</source>
        <translation>Datamappe</translation>
    </message>
    <message>
        <source>System (%1)</source>
        <translation>System (%1)</translation>
    </message>
    <message>
        <source>The window changes at once. Dates and numbers follow the chosen language too.</source>
        <translation>Vinduet skifter med det samme. Datoer og tal følger også det valgte sprog.</translation>
    </message>
    <message>
        <source>Older finished sessions are deleted once a day with their events and outbox messages; hourly statistics are kept. The setting is stored in the database, so verifyd instances using it follow it too.</source>
        <translation>Ældre afsluttede sessioner slettes én gang om dagen sammen med deres hændelser og beskeder i udbakken; statistikken pr. time bevares. Indstillingen gemmes i databasen, så verifyd-instanser, der bruger den, også følger den.</translation>
    </message>
    <message>
        <source>(default)</source>
        <translation>(standard)</translation>
    </message>
    <message>
        <source>The retention could not be read: %1</source>
        <translation>Opbevaringsperioden kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>Enter an IP address such as 127.0.0.1 (this computer only) or 0.0.0.0 (every network).</source>
        <translation>Angiv en IP-adresse, f.eks. 127.0.0.1 (kun denne computer) eller 0.0.0.0 (alle netværk).</translation>
    </message>
    <message>
        <source>HTTP API not started</source>
        <translation>HTTP-API&apos;et blev ikke startet</translation>
    </message>
    <message>
        <source>The HTTP API could not start on %1:
%2

If another program uses this port, choose another port or stop that program.</source>
        <translation>HTTP-API&apos;et kunne ikke starte på %1:
%2

Hvis et andet program bruger denne port, skal du vælge en anden port eller stoppe det program.</translation>
    </message>
    <message>
        <source>On, at %1</source>
        <translation>Til, på %1</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>Other computers can reach this address. The console&apos;s API has no TLS: API keys and codes would cross the network in clear. Use verifyd with TLS for that.</source>
        <translation>Andre computere kan nå denne adresse. Konsollens API har ikke TLS: API-nøgler og koder ville blive sendt ukrypteret over netværket. Brug verifyd med TLS til det.</translation>
    </message>
    <message>
        <source>Applications call the API at this address. 127.0.0.1 accepts connections from this computer only; port 0 picks a free port.</source>
        <translation>Applikationer kalder API&apos;et på denne adresse. 127.0.0.1 tager kun imod forbindelser fra denne computer; port 0 vælger en ledig port.</translation>
    </message>
    <message>
        <source>Enter a full path, such as /srv/verify.</source>
        <translation>Angiv en fuld sti, f.eks. /srv/verify.</translation>
    </message>
    <message>
        <source>This is a file, not a folder.</source>
        <translation>Dette er en fil, ikke en mappe.</translation>
    </message>
    <message>
        <source>A new folder takes effect the next time the console starts; this window keeps its database.</source>
        <translation>En ny mappe træder i kraft, næste gang konsollen starter; dette vindue beholder sin database.</translation>
    </message>
    <message>
        <source>Saved: the console keeps using this folder.</source>
        <translation>Gemt: konsollen bruger fortsat denne mappe.</translation>
    </message>
    <message>
        <source>Saved. The console opens %1 the next time it starts; until then it keeps using %2.</source>
        <translation>Gemt. Konsollen åbner %1, næste gang den starter; indtil da bruger den fortsat %2.</translation>
    </message>
    <message>
        <source>There is no database there yet: a new, empty one will be created.</source>
        <translation>Der er endnu ingen database dér: en ny, tom database bliver oprettet.</translation>
    </message>
    <message>
        <source>Retention not changed</source>
        <translation>Opbevaringsperioden blev ikke ændret</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Gemt kl. %1.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>dag</numerusform>
            <numerusform>dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SuccessRateChart</name>
    <message>
        <source>Success rate over time</source>
        <translation>Succesrate over tid</translation>
    </message>
    <message>
        <source>Success rate over time (no finished sessions yet)</source>
        <translation>Succesrate over tid (ingen afsluttede sessioner endnu)</translation>
    </message>
    <message>
        <source>Verified of finished sessions</source>
        <translation>Verificerede blandt afsluttede sessioner</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>vc::ui::TemplateEditor</name>
    <message>
        <source>Unsaved message</source>
        <translation>Ikke-gemt besked</translation>
    </message>
    <message>
        <source>The %1 message in %2 has changes that are not saved. Discard them?</source>
        <translation>Beskeden »%1« på %2 har ændringer, der ikke er gemt. Vil du kassere dem?</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Kassér ændringer</translation>
    </message>
    <message>
        <source>&lt;b&gt;Custom text&lt;/b&gt; for this service</source>
        <translation>&lt;b&gt;Egen tekst&lt;/b&gt; for denne tjeneste</translation>
    </message>
    <message>
        <source>Shipped text</source>
        <translation>Standardtekst</translation>
    </message>
    <message>
        <source>Preview with the sample code %1</source>
        <translation>Forhåndsvisning med eksempelkoden %1</translation>
    </message>
    <message>
        <source>minutes</source>
        <translation>minutter</translation>
    </message>
    <message>
        <source>This text cannot be used:</source>
        <translation>Denne tekst kan ikke bruges:</translation>
    </message>
    <message>
        <source>Characters: %1 · SMS parts: %2</source>
        <translation>Tegn: %1 · SMS-dele: %2</translation>
    </message>
    <message>
        <source>Read aloud by the voice gateway: the code is spoken one character at a time.</source>
        <translation>Læses op af opkaldsgatewayen: koden udtales ét tegn ad gangen.</translation>
    </message>
    <message>
        <source>One line, and never the code: subjects show in notifications, mail lists and server logs.</source>
        <translation>Én linje og aldrig koden: emnet vises i notifikationer, mailoversigter og serverlogge.</translation>
    </message>
    <message>
        <source>The plain-text part, for mail programs that do not show HTML.</source>
        <translation>Den rene tekstdel til mailprogrammer, der ikke viser HTML.</translation>
    </message>
    <message>
        <source>As a simple mail program shows it; values are HTML-escaped. Check new layouts in real mail programs too.</source>
        <translation>Sådan som et simpelt mailprogram viser den; værdierne er HTML-escapet. Afprøv også nye layout i rigtige mailprogrammer.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Ikke gemt: %1</translation>
    </message>
    <message>
        <source>Saved at %1.</source>
        <translation>Gemt kl. %1.</translation>
    </message>
    <message>
        <source>Reset to shipped text</source>
        <translation>Gendan standardtekst</translation>
    </message>
    <message>
        <source>Replace this service&apos;s %1 message in %2 with the shipped text? Its own text is deleted.</source>
        <translation>Vil du erstatte tjenestens besked »%1« på %2 med standardteksten? Tjenestens egen tekst slettes.</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Gendan</translation>
    </message>
    <message>
        <source>Not reset</source>
        <translation>Ikke gendannet</translation>
    </message>
    <message>
        <source>The shipped text is in use again.</source>
        <translation>Standardteksten er i brug igen.</translation>
    </message>
    <message>
        <source>Placeholders: {code}, {app_name}, {ttl_minutes} and {minutes} (the word for “minutes”). Write {{ or }} for a brace.</source>
        <translation>Pladsholdere: {code}, {app_name}, {ttl_minutes} og {minutes} (ordet for »minutter«). Skriv {{ eller }} for at få en tuborgklamme.</translation>
    </message>
</context>
</TS>
