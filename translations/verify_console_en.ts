<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>vc::ui::CreateKeyDialog</name>
    <message numerus="yes">
        <source> day(s)</source>
        <translation>
            <numerusform> day</numerusform>
            <numerusform> days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::DashboardPage</name>
    <message numerus="yes">
        <source>%n start(s) since %1, usually %2 an hour</source>
        <translation>
            <numerusform>%n start since %1, usually %2 an hour</numerusform>
            <numerusform>%n starts since %1, usually %2 an hour</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SessionsPage</name>
    <message numerus="yes">
        <source>%Ln session(s) shown, more as you scroll</source>
        <translation>
            <numerusform>%Ln session shown, more as you scroll</numerusform>
            <numerusform>%Ln sessions shown, more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s)</source>
        <translation>
            <numerusform>%Ln session</numerusform>
            <numerusform>%Ln sessions</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Wait %Ln s and try again.</source>
        <translation>
            <numerusform>Wait %Ln s and try again.</numerusform>
            <numerusform>Wait %Ln s and try again.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln session(s) saved to %1.</source>
        <translation>
            <numerusform>%Ln session saved to %1.</numerusform>
            <numerusform>%Ln sessions saved to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>vc::ui::SettingsPage</name>
    <message numerus="yes">
        <source>day(s)</source>
        <translation>
            <numerusform>day</numerusform>
            <numerusform>days</numerusform>
        </translation>
    </message>
</context>
</TS>
